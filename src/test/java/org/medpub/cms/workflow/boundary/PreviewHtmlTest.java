package org.medpub.cms.workflow.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.RevisionContent;

class PreviewHtmlTest {

    private static final Instant EXPIRY = Instant.parse("2026-11-24T14:05:00Z");

    @Test
    void aPageIsOneHtml5DocumentInTheRevisionsLanguage() {
        String page = PreviewHtml.page(revision("Body text.", List.of()), "en", EXPIRY);

        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"), page);
        assertTrue(page.contains("<meta charset=\"utf-8\">"));
        assertTrue(page.contains("<strong>Preview — not published</strong>"), page);
        assertTrue(page.contains("November 24, 2026"), page);
        assertTrue(page.contains("<h1>Living with migraine</h1>"));
        assertTrue(page.contains("<p>Body text.</p>"));
        assertFalse(page.contains("<section class=\"references\">"), "no empty reference list");
        assertTrue(page.endsWith("</html>\n"));
    }

    @Test
    void arabicIsRightToLeftWithAnArabicBanner() {
        String page = PreviewHtml.page(revision("نص.", List.of()), "ar", EXPIRY);

        assertTrue(page.contains("<html lang=\"ar\" dir=\"rtl\">"), page);
        assertTrue(page.contains("معاينة — غير منشور"), page);
    }

    @Test
    void rawHtmlAndScriptLinksInTheBodyStayText() {
        String page = PreviewHtml.page(revision("<script>alert(1)</script>\n\nSee [this](javascript:alert(2)) and"
                + " <img src=x onerror=alert(3)>.", List.of()), "en", EXPIRY);

        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("<img"), page);
        assertFalse(page.contains("javascript:"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
    }

    @Test
    void referencesAreNumberedEscapedAndLinkOnlyToTheWeb() {
        String page = PreviewHtml.page(revision("Text.", List.of(
                new Reference("Guideline <b>2024</b> & \"notes\"", "https://example.org/a?b=1&c=2", "10.1000/x", "123"),
                new Reference("Old paper", "javascript:alert(1)", null, null))), "en", EXPIRY);

        assertTrue(page.contains("<h2>References</h2>\n<ol>\n<li>Guideline &lt;b&gt;2024&lt;/b&gt; &amp; &quot;notes&quot;"
                + " <a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a> doi:10.1000/x PMID:123</li>"),
                page);
        assertTrue(page.contains("<li>Old paper javascript:alert(1)</li>"), page);
    }

    @Test
    void theBannerIsInTheRevisionsLanguageWithTheExpiryInUtc() {
        String german = PreviewHtml.page(revision("Text.", List.of(new Reference("Leitlinie", null, null, null))), "de", EXPIRY);

        assertTrue(german.contains("<strong>Vorschau — nicht veröffentlicht</strong>"), german);
        assertTrue(german.contains("bis zum 24. November 2026 um 14:05 Uhr (UTC)"), german);
        assertTrue(german.contains("<h2>Quellen</h2>"), german);
    }

    @Test
    void aLanguageWithoutBundleGetsEnglish() {
        String page = PreviewHtml.page(revision("Testo.", List.of()), "it", EXPIRY);

        assertTrue(page.contains("<html lang=\"it\" dir=\"ltr\">"), page);
        assertTrue(page.contains("<strong>Preview — not published</strong>"), page);
        assertTrue(page.contains("until November 24, 2026 at 2:05"), page);
    }

    private static RevisionContent revision(String body, List<Reference> references) {
        return new RevisionContent("Living with migraine", "living-with-migraine", "What a migraine is.", body,
                List.of(), references, null, false, null);
    }
}
