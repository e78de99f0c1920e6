package org.medpub.cms.article.control;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
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
 */
public final class RevisionDiff {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|\\s+|[^\\p{L}\\p{M}\\p{N}\\s]");

    public enum Operation { EQUAL, INSERT, DELETE }

    public record Segment(Operation op, String text) {
    }

    public record FieldDiff(String field, boolean changed, List<Segment> segments) {
    }

    private RevisionDiff() {
    }

    public static List<FieldDiff> compare(RevisionContent from, RevisionContent to) {
        return List.of(
                field("title", from.title(), to.title()),
                field("slug", from.slug(), to.slug()),
                field("summary", from.summary(), to.summary()),
                field("body", from.body(), to.body()),
                field("topics", String.join("\n", from.topics()), String.join("\n", to.topics())),
                field("references", lines(from.references()), lines(to.references())));
    }

    static FieldDiff field(String name, String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        List<Segment> segments = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            List<String> gap = a.subList(position, start);
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
            deleted.addAll(delta.getSource().getLines());
            inserted.addAll(delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        flush(segments, deleted, inserted);
        append(segments, Operation.EQUAL, a.subList(position, a.size()));
        boolean changed = segments.stream().anyMatch(s -> s.op() != Operation.EQUAL);
        return new FieldDiff(name, changed, List.copyOf(segments));
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

    private static String lines(List<Reference> references) {
        return references.stream().map(Reference::asLine).collect(Collectors.joining("\n"));
    }
}
