package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** History cannot be rewritten, not even with the application's own database role. */
abstract class AppendOnlyTests {

    @Test
    void revisionsAndTheAuditTrailRefuseUpdateAndDelete() {
        String slug = unique("appendonly");
        assertEquals(201, Api.as("author").post("/api/articles", article(slug)).status());

        for (String change : new String[] {
                "update revision set title = 'rewritten' where slug = ?",
                "delete from revision_topic where revision_id in (select id from revision where slug = ?)",
                "delete from audit_event where article_id in (select v.article_id from variant v where v.slug = ?)",
                "update audit_event set actor = 'someone else' where article_id in (select v.article_id from variant v where v.slug = ?)"}) {
            SQLException refused = assertThrows(SQLException.class, () -> DatabaseRows.execute(change, slug), change);
            assertTrue(refused.getMessage().contains("append-only"), refused::getMessage);
        }
        assertEquals(1, DatabaseRows.count("select count(*) from revision where slug = ? and title = 'Living with migraine'", slug));
        assertEquals(1, DatabaseRows.count("select count(*) from audit_event a join variant v on v.article_id = a.article_id"
                + " where v.slug = ?", slug));
    }
}
