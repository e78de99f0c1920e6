package org.medpub.cms.translation.control;

import java.util.List;

/**
 * What an XLIFF file says, as read, before it is checked against the article: the languages,
 * the {@code <file>} id, the source revision from its metadata, and each unit's source and
 * target. Problems the reader found that do not stop it from reading on come along, so that
 * the check reports them together with its own.
 *
 * @param sourceRevision the text of {@code <mda:meta type="sourceRevision">}; null when there is none
 */
public record XliffFile(Position start, String srcLang, String trgLang, Position fileStart, String fileId,
        Position sourceRevisionAt, String sourceRevision, List<Unit> units, List<XliffProblem> problems) {

    public XliffFile {
        units = List.copyOf(units);
        problems = List.copyOf(problems);
    }

    /**
     * One {@code <unit>}: the sources of its segments joined, and their targets joined.
     *
     * @param target null when the unit has no target
     */
    public record Unit(String id, Position start, List<Inline> source, Position sourceStart, List<Inline> target,
            Position targetStart) {
    }
}
