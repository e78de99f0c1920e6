package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;

class ArticleHtmlTest {

    private final ArticleHtml html = new ArticleHtml();

    @Test
    void rawHtmlAndScriptsNeverReachThePage() {
        String out = html.render("## Dose\n\nTake it **twice** a day <script>alert(1)</script> [see](javascript:alert(1))");

        assertTrue(out.contains("Dose</h2>"), out);
        assertTrue(out.contains("<strong>twice</strong>"), out);
        assertFalse(out.contains("<script"), out);
        assertFalse(out.contains("javascript:"), out);
    }

    @Test
    void tablesAndWebLinksReachThePageRawHtmlAndImagesDoNot() {
        String out = html.render("| Dose | When |\n| --- | --- |\n| 1 tablet | at night |\n\n"
                + "See [the guideline](https://example.org/g). ![chart](https://example.org/c.png) <b onclick=x()>raw</b>");

        assertTrue(out.contains("<table>"), out);
        assertTrue(out.contains("<td>1 tablet</td>"), out);
        assertTrue(out.contains("<a href=\"https://example.org/g\" rel=\"noopener noreferrer\">the guideline</a>"), out);
        assertTrue(out.contains("&lt;b onclick&#61;x()&gt;raw&lt;/b&gt;"), "raw HTML shows as text: " + out);
        assertFalse(out.contains("<img"), out);
    }

    @Test
    void aSummaryRepeatsTheOpeningWhenItIsTheFirstParagraphOrACutCopyOfIt() {
        String body = "Iron deficiency is *common*   worldwide.\nIt develops slowly.\n\n## Causes\n\nBlood loss.";

        assertTrue(ArticleHtml.repeatsOpening("Iron deficiency is common worldwide. It develops slowly.", body));
        assertTrue(ArticleHtml.repeatsOpening("Iron deficiency is common worldwide. It…", body), "the cut copy of an old import");
        assertTrue(ArticleHtml.repeatsOpening("Iron in short", "## Iron\n\nIron in short"), "the first paragraph after a heading");
        assertFalse(ArticleHtml.repeatsOpening("What iron does and why a lack of it tires you.", body));
        assertFalse(ArticleHtml.repeatsOpening("Iron deficiency is common worldwide.", body), "a sentence of it is a summary of its own");
        assertFalse(ArticleHtml.repeatsOpening("…", body));
        assertFalse(ArticleHtml.repeatsOpening("", body));
    }

    @Test
    void aReferenceLinksToItsDoiElsePubMedElseItsWebAddress() {
        var citations = html.citations(List.of(
                new Reference("Guideline", "https://example.org/a", "10.1000/x", "123"),
                new Reference("Trial", "https://example.org/b", null, "456"),
                new Reference("Page", "https://example.org/c", null, null),
                new Reference("Old paper", "javascript:alert(1)", null, null),
                new Reference("Book", null, null, null)));

        assertEquals(List.of(
                new ArticleHtml.Citation("Guideline", "https://doi.org/10.1000/x", "doi:10.1000/x"),
                new ArticleHtml.Citation("Trial", "https://pubmed.ncbi.nlm.nih.gov/456/", "PMID 456"),
                new ArticleHtml.Citation("Page", "https://example.org/c", "https://example.org/c"),
                new ArticleHtml.Citation("Old paper", null, null),
                new ArticleHtml.Citation("Book", null, null)), citations);
    }

    @Test
    void aSavedRevisionIsRenderedOnceAndThenServedFromMemory() throws Exception {
        Revision revision = revision(41L, "Take **one** tablet.");

        String first = html.render(revision);
        String second = html.render(revision);

        assertSame(first, second);
        assertEquals(html.render("Take **one** tablet."), first);
    }

    @Test
    void anUnsavedRevisionIsRenderedButNotKept() throws Exception {
        Revision unsaved = revision(null, "Draft *text*.");

        assertEquals(html.render("Draft *text*."), html.render(unsaved));
    }

    private static Revision revision(Long id, String body) throws Exception {
        ArticleVariant variant = new ArticleVariant(new Article("en", "author", Instant.EPOCH), "en", "s", Instant.EPOCH);
        Revision revision = new Revision(variant, new RevisionContent("T", "s", "", body, List.of(), List.of(), null, false, null, false),
                "author", Instant.EPOCH);
        Field field = Revision.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(revision, id);
        return revision;
    }
}
