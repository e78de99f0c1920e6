package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.RevisionApiTests.path;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "one renderer": a medical reviewer signs off exactly what readers will get, so the
 * signed preview link shows a revision with the reader page's templates and renderer.
 */
abstract class OneRendererTests {

    static final String BODY = "## Doses\n\n"
            + "| Age | Dose |\n| --- | --- |\n| adults | 400 mg |\n| children | 10 mg/kg |\n\n"
            + "See [the guideline](https://example.org/guideline) and ![a dosing chart](https://example.org/chart.png).\n\n"
            + "<div onclick=\"alert(1)\">raw <b>HTML</b></div>\n\nInline <span style=\"color:red\">raw</span> too.";

    final Api author = Api.as("author");
    final Api reviewer = Api.as("reviewer");
    final Api reader = Api.anonymous();

    @Test
    void sameArticleHtmlOnReaderPageAndPreviewLink() {
        String slug = unique("one-renderer");
        String path = path(author.post("/api/articles", with(article(slug), "body", BODY)));
        var link = reviewer.post(path + "/locales/en/revisions/1/preview-link", Map.of());
        assertEquals(201, link.status(), link::toString);
        Workflow.publish(author, path + "/locales/en");

        var readerPage = reader.get("/en/articles/" + slug);
        var preview = reader.get(link.json().get("url").asText());

        assertEquals(200, readerPage.status(), readerPage::toString);
        assertEquals(200, preview.status(), preview::toString);
        String body = element(readerPage.body(), "<div class=\"body\">", "\n</div>\n");
        assertEquals(body, element(preview.body(), "<div class=\"body\">", "\n</div>\n"));
        assertEquals(element(readerPage.body(), "<section aria-labelledby=\"references\">", "</section>"),
                element(preview.body(), "<section aria-labelledby=\"references\">", "</section>"));
        // the reader's HTML, not merely the same: a table, a safe link, raw HTML as text
        assertTrue(body.contains("<td>10 mg/kg</td>"), body);
        assertTrue(body.contains("<a href=\"https://example.org/guideline\" rel=\"noopener noreferrer\">"), body);
        assertTrue(body.contains("&lt;div onclick"), body);
        assertFalse(body.contains("<div onclick") || body.contains("<span") || body.contains("<b>HTML"), body);

        assertTrue(preview.body().contains("<article lang=\"en\" dir=\"ltr\">"), preview::body);
        assertTrue(preview.body().contains("<div class=\"preview-banner\" role=\"note\"><strong>Preview — not published</strong>"),
                preview::body);
        assertTrue(preview.body().contains("<meta name=\"robots\" content=\"noindex\">"), preview::body);
        assertFalse(readerPage.body().contains("preview-banner\" role"), readerPage::body);
        assertFalse(readerPage.body().contains("<meta name=\"robots\""), readerPage::body);
    }

    @Test
    void oneWritingDirectionForReaderPagePreviewLinkLocalesAndAdminUi() {
        String path = path(author.post("/api/articles", article(unique("direction"))));
        String slug = unique("ar");
        var arabic = with(Fixtures.edit(slug, "صداع نابض.", "ترجمة"), "title", "العيش مع الصداع النصفي");
        assertEquals(201, author.put(path + "/locales/ar", arabic, null).status());
        String preview = reader.get(reviewer.post(path + "/locales/ar/revisions/1/preview-link", Map.of())
                .json().get("url").asText()).body();
        Workflow.publish(author, path + "/locales/en");
        Workflow.publish(author, path + "/locales/ar");
        String id = path.substring(path.lastIndexOf('/') + 1);

        assertTrue(reader.get("/ar/articles/" + slug).body().contains("<html lang=\"ar\" dir=\"rtl\">"));
        assertTrue(preview.contains("<html lang=\"ar\" dir=\"rtl\">") && preview.contains("<article lang=\"ar\" dir=\"rtl\">"),
                preview);
        var locales = author.get("/api/locales").json();
        locales.forEach(locale -> assertEquals(locale.get("locale").asText().equals("ar") ? "rtl" : "ltr",
                locale.get("direction").asText(), locale::toString));
        var english = new AdminSession();
        english.signIn("author", "demo");
        String editor = english.get("/admin/edit.xhtml?article=" + id + "&locale=ar").body();
        assertTrue(editor.contains("dir=\"ltr\">"), "an English UI");
        assertTrue(editor.contains("<div class=\"preview\" lang=\"ar\" dir=\"rtl\">"), editor);
        var arabicUi = new AdminSession().with("Accept-Language", "ar");
        arabicUi.signIn("author", "demo");
        String page = arabicUi.get("/admin/edit.xhtml?article=" + id + "&locale=en").body();
        assertTrue(page.contains("lang=\"ar\" dir=\"rtl\">"), page);
        assertTrue(page.contains("<div class=\"preview\" lang=\"en\" dir=\"ltr\">"), page);
    }

    /** The first element of a page from its start tag to the end that the reader templates give it. */
    static String element(String page, String start, String end) {
        int from = page.indexOf(start);
        assertTrue(from >= 0, () -> "no " + start + " in " + page);
        int to = page.indexOf(end, from);
        assertTrue(to >= 0, () -> "no end of " + start + " in " + page);
        return page.substring(from, to + end.length());
    }
}
