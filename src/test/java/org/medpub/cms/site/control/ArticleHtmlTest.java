package org.medpub.cms.site.control;

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
        Revision revision = new Revision(variant, new RevisionContent("T", "s", "", body, List.of(), List.of(), null, false, null),
                "author", Instant.EPOCH);
        Field field = Revision.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(revision, id);
        return revision;
    }
}
