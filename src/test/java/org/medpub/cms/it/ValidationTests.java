package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear problem answer naming the fields at fault, and nothing is stored. */
abstract class ValidationTests {

    final Api author = Api.as("author");

    @Test
    void eachInvalidFieldIsNamed() {
        String slug = unique("invalid");
        Map<String, Map<String, Object>> cases = Map.of(
                "slug", with(article("Not A Slug!"), "slug", "Not A Slug!"),
                "title", with(article(slug), "title", "   "),
                "body", with(article(slug), "body", ""),
                "summary", with(article(slug), "summary", "x".repeat(501)),
                "topics[0]", with(article(slug), "topics", List.of("")),
                "references[0].doi", with(article(slug), "references", List.of(Map.of("text", "A", "doi", "not-a-doi"))),
                "references[0].url", with(article(slug), "references", List.of(Map.of("text", "A", "url", "ftp://x"))),
                "references[0].pmid", with(article(slug), "references", List.of(Map.of("text", "A", "pmid", "PMC12"))),
                "sourceLocale", with(article(slug), "sourceLocale", "xx"));
        cases.forEach((field, body) -> {
            var refused = author.post("/api/articles", body);
            assertEquals(400, refused.status(), field + ": " + refused);
            assertTrue(refused.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
            JsonNode problem = refused.json();
            assertEquals(400, problem.get("status").asInt());
            assertTrue(problem.has("type") && problem.has("title") && problem.has("detail"), problem::toString);
            assertTrue(fields(problem).contains(field), field + " not named in " + problem);
            assertFalse(refused.body().contains("Exception"), refused::body);
        });
        assertEquals(0, DatabaseRows.count("select count(*) from revision where slug = ?", slug));
    }

    @Test
    void unknownFieldsAndMalformedJsonAre400() {
        var unknown = author.post("/api/articles", with(article(unique("unknown")), "state", "published"));
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals(List.of("state"), fields(unknown.json()));

        for (String body : new String[] {"{\"title\": ", "not json", "[]", "{\"title\": 5}", "{} {}", ""}) {
            var malformed = author.post("/api/articles", body);
            assertEquals(400, malformed.status(), body + " -> " + malformed);
            assertEquals(400, malformed.json().get("status").asInt());
        }
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        // A client that announces a large upload asks first (Expect: 100-continue), as HTTP intends.
        String body = Api.JSON.writeValueAsString(with(article(unique("huge")), "body", "x".repeat(1_100_000)));
        var huge = author.send(author.request("/api/articles")
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(413, huge.status(), () -> huge.status() + "");
        assertEquals(413, huge.json().get("status").asInt());
    }

    @Test
    void aTakenSlugIsRefused() {
        String slug = unique("taken");
        assertEquals(201, author.post("/api/articles", article(slug)).status());
        var again = author.post("/api/articles", article(slug));
        assertEquals(400, again.status(), again::toString);
        assertEquals(List.of("slug"), fields(again.json()));
        assertEquals(1, DatabaseRows.count("select count(*) from variant where slug = ?", slug));
    }

    @Test
    void wrongMediaTypeAndMethodAreProblems() {
        var text = author.post("/api/articles", "text/plain", "hello");
        assertEquals(415, text.status());
        assertTrue(text.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
        var delete = author.send(author.request("/api/articles").DELETE());
        assertEquals(405, delete.status());
    }

    static List<String> fields(JsonNode problem) {
        if (!problem.has("errors")) {
            return List.of();
        }
        return StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(e -> e.get("field").asText())
                .toList();
    }
}
