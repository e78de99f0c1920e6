package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Workflow requests as the tests send them. */
final class Workflow {

    static final Map<String, Object> FULL_CHECKLIST = Map.of("sources-current", true, "risks-stated", true,
            "no-promotion", true, "dosing-checked", true);

    private Workflow() {
    }

    static Map<String, Object> step(String action) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        return body;
    }

    static Map<String, Object> step(String action, String comment) {
        Map<String, Object> body = step(action);
        body.put("comment", comment);
        return body;
    }

    static Map<String, Object> signOff(String action) {
        Map<String, Object> body = step(action);
        body.put("checklist", FULL_CHECKLIST);
        return body;
    }

    static Api.Reply take(Api who, String variantPath, Map<String, Object> step) {
        return who.post(variantPath + "/transitions", step);
    }

    /** The whole way to readers: the writer submits, the demo reviewer approves, the demo editor publishes. */
    static void publish(Api writer, String variantPath) {
        expect(200, "in_review", take(writer, variantPath, step("submit")));
        expect(200, "approved", take(Api.as("reviewer"), variantPath, signOff("approve")));
        expect(200, "published", take(Api.as("editor"), variantPath, step("publish")));
    }

    private static void expect(int status, String state, Api.Reply reply) {
        org.junit.jupiter.api.Assertions.assertEquals(status, reply.status(), reply::toString);
        org.junit.jupiter.api.Assertions.assertEquals(state, reply.json().get("state").asText(), reply::toString);
    }

    /** Every re-review due, through all the pages of {@code GET /api/reviews/due}. */
    static List<JsonNode> dueReReviews(Api api) {
        List<JsonNode> items = new ArrayList<>();
        String path = "/api/reviews/due?limit=500";
        while (path != null) {
            var page = api.get(path);
            assertEquals(200, page.status(), page::toString);
            page.json().get("items").forEach(items::add);
            JsonNode next = page.json().get("next");
            path = next == null || next.isNull() ? null
                    : "/api/reviews/due?limit=500&cursor=" + URLEncoder.encode(next.asText(), StandardCharsets.UTF_8);
        }
        return items;
    }
}
