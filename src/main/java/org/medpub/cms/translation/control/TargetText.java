package org.medpub.cms.translation.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.medpub.cms.translation.control.Inline.Paired;
import org.medpub.cms.translation.control.Inline.Text;

/**
 * A translation as it is stored, from what a translation tool wrote: accents in their composed
 * form (NFC); a line end with the spaces around it, or a tab, becomes one space (a line break is
 * a code, so the tool's own line wrapping means nothing); no spaces at either end; and spaces
 * at the edges of bold or italic words moved outside, where Markdown needs them.
 */
public final class TargetText {

    private static final Pattern LINE_END = Pattern.compile("[ \\t]*[\\r\\n\\u000B\\f\\u0085\\u2028\\u2029]+[ \\t]*|\\t");

    private TargetText() {
    }

    /**
     * @param codes the codes of the unit's source, which say which paired codes are bold or italics
     */
    public static List<Inline> tidy(List<Inline> content, Map<String, InlineCode> codes) {
        List<Inline> tidied = merged(tidyLevel(content, codes));
        if (!tidied.isEmpty() && tidied.get(0) instanceof Text first) {
            tidied.set(0, new Text(first.text().stripLeading()));
        }
        int last = tidied.size() - 1;
        if (last >= 0 && tidied.get(last) instanceof Text end) {
            tidied.set(last, new Text(end.text().stripTrailing()));
        }
        return merged(tidied);
    }

    private static List<Inline> tidyLevel(List<Inline> content, Map<String, InlineCode> codes) {
        List<Inline> tidied = new ArrayList<>();
        for (Inline item : content) {
            if (item instanceof Text text) {
                String words = LINE_END.matcher(Normalizer.normalize(text.text(), Normalizer.Form.NFC)).replaceAll(" ");
                tidied.add(new Text(words));
            } else if (item instanceof Paired paired) {
                List<Inline> inner = merged(tidyLevel(paired.content(), codes));
                InlineCode code = codes.get(paired.id());
                boolean emphasis = code != null && (code.kind() == CodeKind.BOLD || code.kind() == CodeKind.ITALIC);
                if (emphasis && !inner.isEmpty() && inner.get(0) instanceof Text first) {
                    String stripped = first.text().stripLeading();
                    tidied.add(new Text(first.text().substring(0, first.text().length() - stripped.length())));
                    inner.set(0, new Text(stripped));
                }
                String after = "";
                int last = inner.size() - 1;
                if (emphasis && last >= 0 && inner.get(last) instanceof Text end) {
                    String stripped = end.text().stripTrailing();
                    after = end.text().substring(stripped.length());
                    inner.set(last, new Text(stripped));
                }
                tidied.add(new Paired(paired.id(), merged(inner)));
                tidied.add(new Text(after));
            } else {
                tidied.add(item);
            }
        }
        return tidied;
    }

    /** Neighbouring texts joined, empty ones left out. */
    private static List<Inline> merged(List<Inline> content) {
        List<Inline> merged = new ArrayList<>();
        for (Inline item : content) {
            if (item instanceof Text text) {
                if (text.text().isEmpty()) {
                    continue;
                }
                int last = merged.size() - 1;
                if (last >= 0 && merged.get(last) instanceof Text before) {
                    merged.set(last, new Text(before.text() + text.text()));
                    continue;
                }
            }
            merged.add(item);
        }
        return merged;
    }
}
