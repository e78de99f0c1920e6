package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 17, logs: every answer names its request's id, the caller's own when it is sane. */
abstract class RequestIdTests {

    final Api author = Api.as("author");
    final Api reader = Api.anonymous();

    @Test
    void aSaneIdComesBackAndAnyOtherIsReplacedByOneOfOurs() {
        var kept = author.send(author.request("/api/articles?limit=1").header("X-Request-Id", "proxy-7f3a.42:1"));
        assertEquals(200, kept.status(), kept::toString);
        assertEquals("proxy-7f3a.42:1", kept.header("X-Request-Id").orElseThrow());

        var page = reader.send(reader.request("/en/").header("X-Request-Id", "abc-123"));
        assertEquals("abc-123", page.header("X-Request-Id").orElseThrow(), page::toString);

        for (String insane : new String[] {"<script>", "a b", "x".repeat(65), ""}) {
            var replaced = author.send(author.request("/api/articles?limit=1").header("X-Request-Id", insane));
            String id = replaced.header("X-Request-Id").orElseThrow();
            assertTrue(id.matches("[0-9a-f]{32}"), insane + " -> " + id);
        }

        String first = reader.get("/en/").header("X-Request-Id").orElseThrow();
        String second = reader.get("/en/").header("X-Request-Id").orElseThrow();
        assertTrue(first.matches("[0-9a-f]{32}"), first);
        assertNotEquals(first, second);

        var problem = author.get("/api/articles/999999999");
        assertEquals(404, problem.status(), problem::toString);
        assertTrue(problem.header("X-Request-Id").orElseThrow().matches("[0-9a-f]{32}"), problem::toString);
    }
}
