package org.medpub.cms.article.control;

import java.util.Arrays;
import org.medpub.cms.platform.control.BusinessException;

/**
 * What a save expects the current revision to be, from the caller's {@code If-Match}. A save
 * over an existing locale variant must name the revision it was based on, so that nobody
 * overwrites a colleague's text unseen. Entity tags name a revision: {@code "r7"} is revision 7
 * of the variant the URL points at, compared strongly as RFC 9110 asks for If-Match.
 * {@code If-Match: *} names no revision (it only says that one exists), so it is refused like a
 * missing header (428): it would overwrite whatever was saved in between.
 *
 * @param ifMatch     the header as sent, or null when it was not sent
 * @param anyRevision the save follows whatever revision is current (for the server's own saves, never from a header)
 */
public record RevisionPrecondition(String ifMatch, boolean anyRevision) {

    public RevisionPrecondition(String ifMatch) {
        this(ifMatch, false);
    }

    /** For a save that checked what it overwrites by other means, such as an XLIFF import against its source. */
    public static RevisionPrecondition overCurrent() {
        return new RevisionPrecondition(null, true);
    }

    public static String tagOf(int revisionNumber) {
        return "\"r" + revisionNumber + "\"";
    }

    /** True when the caller sent If-Match at all, or needs none. */
    public boolean sent() {
        return anyRevision || ifMatch != null && !ifMatch.isBlank();
    }

    /** Refuses the save unless the caller based it on the current revision. */
    public void check(int currentRevision) {
        if (anyRevision) {
            return;
        }
        String expected = tagOf(currentRevision);
        if (!sent()) {
            throw new BusinessException.PreconditionRequired(
                    "Send If-Match with the ETag of the revision you edited (now " + expected + ")");
        }
        var tags = Arrays.stream(ifMatch.split(",")).map(String::trim).toList();
        if (tags.contains("*")) {
            throw new BusinessException.PreconditionRequired(
                    "If-Match: * names no revision; send the ETag of the revision you edited (now " + expected + ")");
        }
        if (!tags.contains(expected)) {
            throw new BusinessException.StaleRevision("Someone saved revision " + currentRevision
                    + " after the one you edited; load it, merge your changes and save again");
        }
    }
}
