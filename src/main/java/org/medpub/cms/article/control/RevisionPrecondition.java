package org.medpub.cms.article.control;

import java.util.Arrays;
import org.medpub.cms.platform.control.BusinessException;

/**
 * What a save expects the current revision to be, from the caller's {@code If-Match}. A save
 * over an existing locale variant must name the revision it was based on, so that nobody
 * overwrites a colleague's text unseen. Entity tags name a revision: {@code "r7"} is revision 7
 * of the variant the URL points at, compared strongly as RFC 9110 asks for If-Match.
 *
 * @param ifMatch the header as sent, or null when it was not sent
 */
public record RevisionPrecondition(String ifMatch) {

    public static String tagOf(int revisionNumber) {
        return "\"r" + revisionNumber + "\"";
    }

    /** True when the caller sent If-Match at all. */
    public boolean sent() {
        return ifMatch != null && !ifMatch.isBlank();
    }

    /** Refuses the save unless the caller based it on the current revision. */
    public void check(int currentRevision) {
        if (!sent()) {
            throw new BusinessException.PreconditionRequired(
                    "Send If-Match with the ETag of the revision you edited (now " + tagOf(currentRevision) + ")");
        }
        String expected = tagOf(currentRevision);
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(expected));
        if (!matches) {
            throw new BusinessException.StaleRevision("Someone saved revision " + currentRevision
                    + " after the one you edited; load it, merge your changes and save again");
        }
    }
}
