package org.medpub.cms.article.control;

import com.ibm.icu.text.BreakIterator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a text is for its readers: the words a reader sees (Markdown's marks not counted),
 * and the minutes they take at {@code cms.editor.words-per-minute}. Words are found by ICU's word
 * breaks, so that Chinese or Japanese text, written without spaces, is counted too.
 */
@ApplicationScoped
public class ReadingTime {

    /** A text's words and the whole minutes to read them (at least one for any word). */
    public record Length(int words, int minutes) {
    }

    private static final Parser PARSER = Parser.builder().build();

    @Inject
    @ConfigProperty(name = "cms.editor.words-per-minute")
    int wordsPerMinute;

    public Length of(String markdown, String locale) {
        int words = countWords(markdown, locale);
        return new Length(words, (words + wordsPerMinute - 1) / Math.max(1, wordsPerMinute));
    }

    static int countWords(String markdown, String locale) {
        BreakIterator breaks = BreakIterator.getWordInstance(locale == null ? Locale.ROOT : Locale.forLanguageTag(locale));
        breaks.setText(seenText(markdown));
        int words = 0;
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            if (breaks.getRuleStatus() != BreakIterator.WORD_NONE) {
                words++;
            }
        }
        return words;
    }

    /**
     * The words a reader sees of Markdown, each block (paragraph, heading, list item) ending in a
     * line break: ICU's sentence breaks end a sentence there, so a heading without a full stop is
     * not read as the start of the next paragraph's first sentence.
     */
    static String seenText(String markdown) {
        StringBuilder seen = new StringBuilder();
        PARSER.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                seen.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                seen.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                seen.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                seen.append(' ');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block) {
                    seen.append('\n');
                }
            }
        });
        return seen.toString();
    }
}
