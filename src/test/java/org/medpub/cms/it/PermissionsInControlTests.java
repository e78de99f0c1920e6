package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 11's permissions as a control rule, and the bug seen beside them in the admin editor. */
abstract class PermissionsInControlTests {

    @Test
    void bug_anUnknownArticleInTheEditorIsNamedByItsId() {
        var author = new AdminSession();
        author.signIn("author", "demo");
        var page = author.get("/admin/edit.xhtml?article=987654321&locale=en");
        // issue 12: the editorial UI's 404 page, without the form of a new article
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("There is no article 987654321"), page.body());
        assertFalse(page.body().contains("There is no article null"), page.body());
    }
}
