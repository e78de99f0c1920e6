package org.medpub.cms.translation.control;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medpub.cms.article.entity.Revision;

/**
 * The source's notes to readers ("What changed") as units of the article's XLIFF file:
 * {@code change-7} for the change note of source revision 7, after the images' units, newest
 * first, at most {@code ChangeLog.NOTES_PER_FILE}. A translator may leave one out: a note not
 * translated is not shown to the readers of that language.
 */
public final class ChangeUnits {

    private static final Pattern ID = Pattern.compile("change-(\\d{1,9})");

    private ChangeUnits() {
    }

    /** The units of the source revisions whose notes are told to readers. */
    public static List<TranslationUnit> units(List<Revision> told) {
        return told.stream().map(revision -> unit(revision.getNumber(), revision.getChangeNote())).toList();
    }

    /** The unit of one source revision's note to readers. */
    public static TranslationUnit unit(int sourceRevision, String note) {
        return new TranslationUnit(id(sourceRevision), UnitKind.CHANGE_NOTE, Segment.plain(note));
    }

    public static String id(int sourceRevision) {
        return "change-" + sourceRevision;
    }

    /** The source revision a unit id names, when it is the id of a note to readers. */
    public static Optional<Integer> sourceRevision(String unitId) {
        Matcher m = ID.matcher(unitId == null ? "" : unitId);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
