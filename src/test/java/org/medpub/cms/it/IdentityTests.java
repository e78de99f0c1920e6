package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;

import org.junit.jupiter.api.Test;

/** Accounts: translators write only into the locales assigned to them. */
abstract class IdentityTests {

    @Test
    void aTranslatorWritesOnlyIntoTheLocalesAssignedToThem() {
        String path = RevisionApiTests.path(Api.as("author").post("/api/articles", article(unique("assigned"))));

        var spanish = Api.as("translator").put(path + "/locales/es", edit(unique("es"), "Una traducción.", "Traducción"), null);
        assertEquals(201, spanish.status(), spanish::toString);

        String frenchSlug = unique("fr");
        var french = Api.as("translator").put(path + "/locales/fr", edit(frenchSlug, "Vivre avec la migraine.", "fr"), null);
        assertEquals(403, french.status(), french::toString);
        assertEquals("application/problem+json", french.header("Content-Type").orElseThrow().split(";")[0]);
        assertEquals(403, french.json().get("status").asInt());
        assertEquals(0, DatabaseRows.count("select count(*) from variant where locale = 'fr' and slug = ?", frenchSlug));

        var byAuthor = Api.as("author").put(path + "/locales/fr", edit(frenchSlug, "Vivre avec la migraine.", "fr"), null);
        assertEquals(201, byAuthor.status(), byAuthor::toString);
    }
}
