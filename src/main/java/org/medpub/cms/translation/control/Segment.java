package org.medpub.cms.translation.control;

import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.medpub.cms.translation.control.Inline.Paired;
import org.medpub.cms.translation.control.Inline.Placeholder;
import org.medpub.cms.translation.control.Inline.Text;

/**
 * The source text of one translation unit: its content and what each of its inline codes stands
 * for.
 *
 * @param codes by id, in reading order
 */
public record Segment(List<Inline> content, Map<String, InlineCode> codes) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    // token boundaries that no text contains once control characters are gone
    private static final char OPEN = '\u0001';
    private static final char CLOSE = '\u0002';

    public Segment {
        content = List.copyOf(content);
        codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    /** Plain text without codes, such as a title or a citation. */
    public static Segment plain(String text) {
        return new Segment(text.isEmpty() ? List.of() : List.of(new Text(text)), Map.of());
    }

    /** Whether the segment has words to translate, rather than only codes or spaces. */
    public boolean hasText() {
        return hasText(content);
    }

    public static boolean hasText(List<Inline> content) {
        for (Inline item : content) {
            if (item instanceof Text text && !text.text().isBlank()
                    || item instanceof Paired paired && hasText(paired.content())) {
                return true;
            }
        }
        return false;
    }

    /** The words alone, with a space where a code stood, for messages. */
    public static String words(List<Inline> content) {
        StringBuilder words = new StringBuilder();
        appendWords(content, words);
        return WHITESPACE.matcher(words).replaceAll(" ").strip();
    }

    private static void appendWords(List<Inline> content, StringBuilder words) {
        for (Inline item : content) {
            if (item instanceof Text text) {
                words.append(text.text());
            } else if (item instanceof Paired paired) {
                appendWords(paired.content(), words);
            } else {
                words.append(' ');
            }
        }
    }

    /**
     * The segment as one line that is equal for two segments exactly when a translation of one
     * fits the other: text in NFC with each run of spaces made one, and the codes in place by
     * what they stand for. Bold and italics count whatever Markdown wrote them ({@code **} or
     * {@code __}); every other code counts with its Markdown, so that a link elsewhere is not the
     * same link. Spaces beside line breaks and at either end do not count.
     */
    public String key() {
        return shape(content, codes);
    }

    /** The line of {@link #key()} for content whose codes are this segment's. */
    public static String shape(List<Inline> content, Map<String, InlineCode> codes) {
        StringBuilder shape = new StringBuilder();
        appendShape(content, codes, shape);
        String line = WHITESPACE.matcher(Normalizer.normalize(shape, Normalizer.Form.NFC)).replaceAll(" ");
        return line.replace(" " + OPEN + "break", OPEN + "break")
                .replace("break" + CLOSE + " ", "break" + CLOSE)
                .strip();
    }

    private static void appendShape(List<Inline> content, Map<String, InlineCode> codes, StringBuilder shape) {
        for (Inline item : content) {
            if (item instanceof Text text) {
                shape.append(text.text().replace(OPEN, ' ').replace(CLOSE, ' '));
                continue;
            }
            String id = item instanceof Paired paired ? paired.id() : ((Placeholder) item).id();
            InlineCode code = codes.get(id);
            CodeKind kind = code == null ? null : code.kind();
            if (kind != null && kind.isBreak()) {
                shape.append(OPEN).append("break").append(CLOSE);
            } else if (item instanceof Paired paired) {
                boolean emphasis = kind == CodeKind.BOLD || kind == CodeKind.ITALIC;
                shape.append(OPEN).append(kind).append(emphasis || code == null ? "" : code.closing()).append(CLOSE);
                appendShape(paired.content(), codes, shape);
                shape.append(OPEN).append('/').append(kind).append(CLOSE);
            } else {
                shape.append(OPEN).append(kind).append(code == null ? "" : code.markup()).append(CLOSE);
            }
        }
    }

    /** The ids of the codes and, for each, the id of the paired code it sits in (null at the top). */
    public static Map<String, String> parents(List<Inline> content) {
        Map<String, String> parents = new LinkedHashMap<>();
        collectParents(content, null, parents);
        return parents;
    }

    private static void collectParents(List<Inline> content, String parent, Map<String, String> parents) {
        for (Inline item : content) {
            if (item instanceof Placeholder placeholder) {
                parents.putIfAbsent(placeholder.id(), parent);
            } else if (item instanceof Paired paired) {
                parents.putIfAbsent(paired.id(), parent);
                collectParents(paired.content(), paired.id(), parents);
            }
        }
    }
}
