package org.medpub.cms.translation.control;

import java.util.Comparator;

/** One reason an XLIFF file cannot be imported, and where in the file it is. */
public record XliffProblem(Position at, String message) implements Comparable<XliffProblem> {

    private static final Comparator<XliffProblem> IN_FILE_ORDER = Comparator
            .comparingInt((XliffProblem p) -> p.at().line())
            .thenComparingInt(p -> p.at().column());

    @Override
    public int compareTo(XliffProblem other) {
        return IN_FILE_ORDER.compare(this, other);
    }
}
