package org.medpub.cms.article.control;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.RevisionContent;

/**
 * Compares two revisions field by field, word by word, the way a reviewer reads a change:
 * which words went, which came, and what stayed around them. Words, runs of white space and
 * single punctuation marks are the units compared (java-diff-utils' Myers algorithm does the
 * comparing).
 * <p>
 * Myers takes time in proportion to the length times the number of differences, so two long,
 * very different texts would take minutes. The comparison therefore works within a
 * {@link Budget}: a field of at most {@link #WHOLE_FIELD_TOKENS} units is compared word by word
 * as a whole; a longer one line by line first, and word by word only inside the lines that
 * changed, so that an edit of a long article costs about its length. When the time runs out,
 * or the texts are longer than the budget allows, the field says so by its {@link Precision}:
 * changed lines are then shown whole, or everything from the first change to the last as one
 * replacement. Either way the answer stays a true account of the change, only coarser.
 */
public final class RevisionDiff {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|\\s+|[^\\p{L}\\p{M}\\p{N}\\s]");

    /** Up to this many units on both sides together, a field is compared word by word in one go, as it always was. */
    static final int WHOLE_FIELD_TOKENS = 4_000;

    public enum Operation { EQUAL, INSERT, DELETE }

    /** How finely a field was compared. */
    public enum Precision {
        /** Word by word throughout. */
        WORDS,
        /** Some changed lines were too long to compare in the time given: they are shown whole, deleted and inserted. */
        LINES,
        /** Too large to compare in the time given: everything from the first change to the last is one replacement. */
        BLOCK
    }

    /**
     * How much a comparison may cost: the longest texts (both sides of a field together, in
     * characters) it compares at all, and the time it may take for all fields together.
     */
    public record Budget(int maxChars, Duration time) {

        /** The defaults of {@code cms.diff.max-chars} and {@code cms.diff.time-budget}. */
        public static final Budget DEFAULT = new Budget(1_000_000, Duration.ofSeconds(2));
    }

    public record Segment(Operation op, String text) {
    }

    public record FieldDiff(String field, boolean changed, List<Segment> segments, Precision precision) {

        /** How the API names a comparison coarser than word by word ({@code lines}, {@code block}); null for words. */
        public String coarser() {
            return precision == Precision.WORDS ? null : precision.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The same units in both texts, {@code a[aStart, aEnd)} replaced by {@code b[bStart, bEnd)}. */
    private record Change(int aStart, int aEnd, int bStart, int bEnd) {
    }

    /** Thrown from Myers' loop when the time is up; it carries no stack, as it is expected. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super("the comparison ran out of time", null, false, false);
        }
    }

    private RevisionDiff() {
    }

    public static List<FieldDiff> compare(RevisionContent from, RevisionContent to) {
        return compare(from, to, Budget.DEFAULT);
    }

    public static List<FieldDiff> compare(RevisionContent from, RevisionContent to, Budget budget) {
        long deadline = System.nanoTime() + budget.time().toNanos();
        return List.of(
                field("title", from.title(), to.title(), budget.maxChars(), deadline),
                field("slug", from.slug(), to.slug(), budget.maxChars(), deadline),
                field("summary", from.summary(), to.summary(), budget.maxChars(), deadline),
                field("body", from.body(), to.body(), budget.maxChars(), deadline),
                field("topics", String.join("\n", from.topics()), String.join("\n", to.topics()), budget.maxChars(),
                        deadline),
                field("references", lines(from.references()), lines(to.references()), budget.maxChars(), deadline));
    }

    static FieldDiff field(String name, String before, String after) {
        return field(name, before, after, Budget.DEFAULT.maxChars(), System.nanoTime() + Budget.DEFAULT.time().toNanos());
    }

    static FieldDiff field(String name, String before, String after, int maxChars, long deadline) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Precision precision = Precision.WORDS;
        List<Change> changes;
        if (length(before) + length(after) > maxChars) {
            precision = Precision.BLOCK;
            changes = outermost(a, b);
        } else if (a.size() + b.size() <= WHOLE_FIELD_TOKENS) {
            changes = myers(a, b, 0, 0, deadline);
            if (changes == null) {
                precision = Precision.BLOCK;
                changes = outermost(a, b);
            }
        } else {
            changes = new ArrayList<>();
            precision = lineByLine(a, b, deadline, changes);
        }
        List<Segment> segments = segments(a, b, changes);
        boolean changed = segments.stream().anyMatch(s -> s.op() != Operation.EQUAL);
        return new FieldDiff(name, changed, List.copyOf(segments), changed ? precision : Precision.WORDS);
    }

    /**
     * Lines first, then words inside each run of changed lines, each within the deadline.
     *
     * @return how finely it got
     */
    private static Precision lineByLine(List<String> a, List<String> b, long deadline, List<Change> changes) {
        List<Integer> aLines = lineStarts(a);
        List<Integer> bLines = lineStarts(b);
        List<Change> changedLines = myers(texts(a, aLines), texts(b, bLines), 0, 0, deadline);
        if (changedLines == null) {
            changes.addAll(outermost(a, b));
            return Precision.BLOCK;
        }
        Precision precision = Precision.WORDS;
        for (Change lines : changedLines) {
            var run = new Change(aLines.get(lines.aStart()), aLines.get(lines.aEnd()),
                    bLines.get(lines.bStart()), bLines.get(lines.bEnd()));
            boolean bothSides = run.aStart() < run.aEnd() && run.bStart() < run.bEnd();
            List<Change> words = bothSides
                    ? myers(a.subList(run.aStart(), run.aEnd()), b.subList(run.bStart(), run.bEnd()), run.aStart(),
                            run.bStart(), deadline)
                    : List.of(run);
            if (words == null) {
                changes.add(run);
                precision = Precision.LINES;
            } else {
                changes.addAll(words);
            }
        }
        return precision;
    }

    /**
     * Myers' comparison of two lists, the changes shifted by the given offsets; null when the
     * deadline passed first. Myers' loop reports each step, where the deadline is checked.
     */
    private static List<Change> myers(List<String> a, List<String> b, int aOffset, int bOffset, long deadline) {
        if (System.nanoTime() - deadline > 0) {
            return null;
        }
        DiffAlgorithmListener clock = new DiffAlgorithmListener() {
            @Override
            public void diffStart() {
            }

            @Override
            public void diffStep(int value, int max) {
                if (System.nanoTime() - deadline > 0) {
                    throw new OutOfTime();
                }
            }

            @Override
            public void diffEnd() {
            }
        };
        try {
            List<Change> changes = new ArrayList<>();
            for (AbstractDelta<String> delta : DiffUtils.diff(a, b, new MyersDiff<>(), clock).getDeltas()) {
                int aStart = aOffset + delta.getSource().getPosition();
                int bStart = bOffset + delta.getTarget().getPosition();
                changes.add(new Change(aStart, aStart + delta.getSource().size(), bStart,
                        bStart + delta.getTarget().size()));
            }
            return changes;
        } catch (OutOfTime late) {
            return null;
        }
    }

    /** What lies between the common beginning and the common end, as one change; costs one pass. */
    private static List<Change> outermost(List<String> a, List<String> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int aEnd = a.size();
        int bEnd = b.size();
        while (aEnd > start && bEnd > start && a.get(aEnd - 1).equals(b.get(bEnd - 1))) {
            aEnd--;
            bEnd--;
        }
        return start == aEnd && start == bEnd ? List.of() : List.of(new Change(start, aEnd, start, bEnd));
    }

    /** The index of each line's first unit, then the number of units: a line ends with a unit holding a line break. */
    private static List<Integer> lineStarts(List<String> tokens) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).indexOf('\n') >= 0 && i + 1 < tokens.size()) {
                starts.add(i + 1);
            }
        }
        if (!tokens.isEmpty()) {
            starts.add(tokens.size());
        }
        return starts;
    }

    private static List<String> texts(List<String> tokens, List<Integer> lineStarts) {
        List<String> lines = new ArrayList<>(lineStarts.size());
        for (int line = 0; line + 1 < lineStarts.size(); line++) {
            lines.add(String.join("", tokens.subList(lineStarts.get(line), lineStarts.get(line + 1))));
        }
        return lines;
    }

    private static List<Segment> segments(List<String> a, List<String> b, List<Change> changes) {
        List<Segment> segments = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        int position = 0;
        for (Change change : changes) {
            List<String> gap = a.subList(position, change.aStart());
            if (!deleted.isEmpty() || !inserted.isEmpty()) {
                if (isBlank(gap)) {
                    // "two tablets" -> "one tablet" reads as one change, not two around a space
                    deleted.addAll(gap);
                    inserted.addAll(gap);
                } else {
                    flush(segments, deleted, inserted);
                    append(segments, Operation.EQUAL, gap);
                }
            } else {
                append(segments, Operation.EQUAL, gap);
            }
            deleted.addAll(a.subList(change.aStart(), change.aEnd()));
            inserted.addAll(b.subList(change.bStart(), change.bEnd()));
            position = change.aEnd();
        }
        flush(segments, deleted, inserted);
        append(segments, Operation.EQUAL, a.subList(position, a.size()));
        return segments;
    }

    private static boolean isBlank(List<String> tokens) {
        return tokens.stream().allMatch(String::isBlank);
    }

    private static void flush(List<Segment> segments, List<String> deleted, List<String> inserted) {
        append(segments, Operation.DELETE, deleted);
        append(segments, Operation.INSERT, inserted);
        deleted.clear();
        inserted.clear();
    }

    private static void append(List<Segment> segments, Operation op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).op() == op) {
            segments.set(last, new Segment(op, segments.get(last).text() + text));
        } else {
            segments.add(new Segment(op, text));
        }
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text == null ? "" : text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String lines(List<Reference> references) {
        return references.stream().map(Reference::asLine).collect(Collectors.joining("\n"));
    }
}
