package org.medpub.cms.translation.control;

import java.util.List;

/**
 * The content of a translation unit's source or target: text, and inline codes that stand for
 * the Markdown around and between the words. A placeholder stands for something the translator
 * moves but does not change (a line break, a code span, an image); a paired code wraps words
 * (bold, italics, a link). Codes are named by an id that is unique within their unit.
 */
public sealed interface Inline {

    record Text(String text) implements Inline {
    }

    record Placeholder(String id) implements Inline {
    }

    record Paired(String id, List<Inline> content) implements Inline {

        public Paired {
            content = List.copyOf(content);
        }
    }
}
