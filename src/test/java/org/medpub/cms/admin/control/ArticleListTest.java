package org.medpub.cms.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medpub.cms.platform.control.BusinessException;

class ArticleListTest {

    @Test
    void searchWordsAreLettersAndDigitsOnlySoNothingTypedIsQuerySyntax() {
        assertEquals(List.of("flu", "vaccine", "2024"), ArticleList.words("  Flu & vaccine:* | !2024 flu "));
        assertEquals(List.of("гриппа", "لقاح"), ArticleList.words("гриппа (لقاح)"));
        assertEquals(List.of(), ArticleList.words("&|!():*"));
        assertEquals(8, ArticleList.words("a b c d e f g h i j").size());
    }

    @Test
    void aCursorReadsBackAsWrittenToTheMicrosecond() {
        Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");
        var changed = new ArticleList.Cursor(ArticleList.Order.CHANGED, at, null, 42);
        assertEquals(changed, ArticleList.Cursor.read(ArticleList.Order.CHANGED, changed.write()));
        var title = new ArticleList.Cursor(ArticleList.Order.TITLE, null, "Flu ~ vaccination", 7);
        assertEquals(title, ArticleList.Cursor.read(ArticleList.Order.TITLE, title.write()));
        var noReview = new ArticleList.Cursor(ArticleList.Order.REVIEW, null, null, 9);
        assertEquals(noReview, ArticleList.Cursor.read(ArticleList.Order.REVIEW, noReview.write()));
    }

    @Test
    void aCursorOfAnotherOrderOrNoCursorAtAllIsRefusedNamingIt() {
        String changed = new ArticleList.Cursor(ArticleList.Order.CHANGED, Instant.EPOCH, null, 1).write();
        var refused = assertThrows(BusinessException.InvalidInput.class,
                () -> ArticleList.Cursor.read(ArticleList.Order.TITLE, changed));
        assertEquals("after", refused.errors().get(0).field());
        assertThrows(BusinessException.InvalidInput.class, () -> ArticleList.Cursor.read(ArticleList.Order.CHANGED, "%%%"));
        assertThrows(BusinessException.InvalidInput.class, () -> ArticleList.Cursor.read(ArticleList.Order.CHANGED, "Y2hhbmdlZH54fjE"));
    }
}
