package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the one renderer shows images of the media library, with a library that answers from memory. */
class ArticleFiguresTest {

    private final List<String> asked = new ArrayList<>();
    private final ArticleHtml html = new ArticleHtml();

    ArticleFiguresTest() {
        ArticleImages library = new ArticleImages() {
            @Override
            public String pin(String markdown) {
                return markdown;
            }

            @Override
            public String figure(Reference reference, String locale, String previewToken) {
                asked.add(reference.item() + "@" + reference.version() + " " + locale + " " + previewToken);
                return reference.item() == 404 ? "" : "<figure><img alt=\"" + locale + "\"></figure>";
            }

            @Override
            public List<String> missingAltText(String markdown, String locale) {
                return List.of();
            }
        };
        html.images = instanceOf(library);
    }

    @Test
    void anImageStandingAloneBecomesAFigureInThePagesLocale() {
        String out = html.render("Before.\n\n![a rash](media:42@3)\n\nAfter.", "de");

        assertEquals("<p>Before.</p>\n<figure><img alt=\"de\"></figure>\n<p>After.</p>\n", out);
        assertEquals(List.of("42@3 de null"), asked);
    }

    @Test
    void anImageInsideTextClosesTheParagraphAroundItsFigure() {
        String out = html.render("Look ![x](media:7) here", "en");

        assertEquals("<p>Look </p><figure><img alt=\"en\"></figure><p> here</p>\n", out);
        assertEquals(List.of("7@null en null"), asked, "no version: the current one, for text not saved yet");
    }

    @Test
    void anImageTheLibraryDoesNotHaveShowsNothing() {
        assertEquals("<p>Text.</p>", html.render("Text.\n\n![gone](media:404@1)", "en").strip());
    }

    @Test
    void otherImagesAndMediaReferencesOutsideImagesStayHarmless() {
        String out = html.render("![x](https://example.org/a.png) `![](media:1@1)` [link](media:1@1) mediafigure00n1v1e", "en");

        assertFalse(out.contains("<img"), out);
        assertFalse(out.contains("<figure"), out);
        assertTrue(out.contains("<code>![](media:1&#64;1)</code>"), out);
        assertTrue(out.contains("mediafigure00n1v1e"), "a typed marker is text: " + out);
        assertEquals(List.of(), asked);
    }

    @Test
    void referencesAreReadFromTheImagesOfTheMarkdown() {
        assertEquals(List.of(new ArticleImages.Reference(42, 3), new ArticleImages.Reference(7, null)),
                ArticleImages.references("![a](media:42@3) and ![b]( media:7 ) and [c](media:9@1) and ![d](https://x.org/e.png)"));
    }

    @SuppressWarnings("unchecked")
    private static Instance<ArticleImages> instanceOf(ArticleImages library) {
        return (Instance<ArticleImages>) Proxy.newProxyInstance(ArticleFiguresTest.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isResolvable" -> true;
                    case "get" -> library;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
