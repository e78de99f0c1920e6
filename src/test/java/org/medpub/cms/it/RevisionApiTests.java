package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The history of a locale: the revision list, one revision whole, and word-level diffs. */
abstract class RevisionApiTests {

    final Api author = Api.as("author");

    @Test
    void historyListsEveryRevisionNewestFirst() {
        String slug = unique("history");
        String path = path(author.post("/api/articles", article(slug)));
        author.put(path + "/locales/en", edit(slug, "Second text.", "Tightened"), "\"r1\"");
        author.put(path + "/locales/en", edit(slug, "Third text.", "Clarified"), "\"r2\"");

        var history = author.get(path + "/locales/en/revisions");

        assertEquals(200, history.status());
        JsonNode revisions = history.json().get("revisions");
        assertEquals(3, revisions.size());
        assertEquals(3, revisions.get(0).get("number").asInt());
        assertEquals("Clarified", revisions.get(0).get("changeNote").asText());
        assertEquals("draft", revisions.get(0).get("state").asText());
        assertEquals("superseded", revisions.get(2).get("state").asText());
        assertEquals("author", revisions.get(2).get("author").asText());
        assertTrue(revisions.get(2).has("createdAt"));

        var second = author.get(path + "/locales/en/revisions/2");
        assertEquals(200, second.status());
        assertEquals("Second text.", second.json().get("body").asText());
        assertEquals("\"r2\"", second.etag());
    }

    @Test
    void diffShowsWhichWordsWentAndCame() {
        String slug = unique("diff");
        String path = path(author.post("/api/articles", article(slug)));
        var changed = Fixtures.with(edit(slug, "Take two tablets daily with water.", "dose"), "title", "Living well with migraine");
        author.put(path + "/locales/en", changed, "\"r1\"");
        author.put(path + "/locales/en", Fixtures.with(changed, "body", "Take one tablet daily with water."), "\"r2\"");

        var diff = author.get(path + "/locales/en/diff?from=2&to=3");

        assertEquals(200, diff.status(), diff::toString);
        JsonNode body = field(diff.json(), "body");
        assertTrue(body.get("changed").asBoolean());
        assertEquals("Take ", body.get("segments").get(0).get("text").asText());
        assertEquals("equal", body.get("segments").get(0).get("op").asText());
        assertEquals("delete", body.get("segments").get(1).get("op").asText(), body::toString);
        assertEquals("two tablets", body.get("segments").get(1).get("text").asText());
        assertEquals("insert", body.get("segments").get(2).get("op").asText());
        assertEquals("one tablet", body.get("segments").get(2).get("text").asText());
        assertFalse(field(diff.json(), "title").get("changed").asBoolean());

        JsonNode title = field(author.get(path + "/locales/en/diff?from=1&to=2").json(), "title");
        assertTrue(title.get("changed").asBoolean());
        assertEquals("well ", title.get("segments").get(1).get("text").asText());
        assertEquals("insert", title.get("segments").get(1).get("op").asText());
    }

    @Test
    void diffOfUnknownRevisionsIs404AndWithoutBothIs400() {
        String path = path(author.post("/api/articles", article(unique("diffbad"))));
        assertEquals(404, author.get(path + "/locales/en/diff?from=1&to=9").status());
        assertEquals(404, author.get(path + "/locales/en/diff?from=x&to=1").status());
        var missing = author.get(path + "/locales/en/diff?from=1");
        assertEquals(400, missing.status());
        assertEquals("to", missing.json().get("errors").get(0).get("field").asText());
    }

    static String path(Api.Reply created) {
        assertEquals(201, created.status(), created::toString);
        String location = created.header("Location").orElseThrow();
        return location.substring(location.indexOf("/api/"));
    }

    static JsonNode field(JsonNode diff, String name) {
        for (JsonNode field : diff.get("fields")) {
            if (field.get("field").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("No field " + name + " in " + diff);
    }
}
