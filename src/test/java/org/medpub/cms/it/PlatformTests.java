package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Sign-in, roles at the API's door, OpenAPI, the JSON writer in use, and the health checks. */
abstract class PlatformTests {

    @Test
    void anonymousAndWrongPasswordsAre401() {
        var anonymous = Api.anonymous().get("/api/articles");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.header("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertEquals(401, Api.as("author", "wrong").get("/api/articles").status());
        assertEquals(401, Api.as("nobody", "demo").get("/api/articles").status());
    }

    @Test
    void rolesThatMayNotWriteGet403AndNothingIsStored() {
        String slug = unique("forbidden");
        var byReviewer = Api.as("reviewer").post("/api/articles", article(slug));
        assertEquals(403, byReviewer.status(), byReviewer::toString);
        assertEquals(403, byReviewer.json().get("status").asInt());
        assertEquals(0, DatabaseRows.count("select count(*) from revision where slug = ?", slug));

        var created = Api.as("author").post("/api/articles", article(slug));
        String path = created.header("Location").orElseThrow().replaceAll("^.*(/api/)", "/api/");
        var byTranslator = Api.as("translator").put(path + "/locales/en", edit(slug, "x", "x"), "\"r1\"");
        assertEquals(403, byTranslator.status());
        assertEquals(200, Api.as("editor").get(path).status());
    }

    /**
     * Role checks and the readiness polls of the start-up write nothing to the server's log: the
     * first role check logged "EJBContainerUtilImpl is null" with a stack trace, and a readiness
     * poll during deployment a failed cluster check (issue 17).
     */
    @Test
    void roleChecksAndStartUpReadinessLeaveTheLogQuiet() throws IOException {
        var created = Api.as("author").post("/api/articles", article(unique("quiet")));
        assertEquals(201, created.status(), created::toString);
        assertEquals(403, Api.as("reviewer").post("/api/articles", article(unique("quiet"))).status());
        String logged = serverLog();
        assertFalse(logged.contains("EJBContainerUtilImpl is null"), "a role check logged a stack trace");
        assertFalse(logged.contains("Exception executing HealthCheck"), "a health check failed with a stack trace");
    }

    /** Sign-ins that fail and what goes live are in the audit log, each once, in words and fields (issue 17). */
    @Test
    void failedSignInsAndPublicationsAreInTheAuditLog() throws Exception {
        String stranger = unique("stranger");
        assertEquals(401, Api.as(stranger, "not-a-password").get("/api/articles").status());
        var created = Api.as("author").post("/api/articles", article(unique("audited")));
        String variant = created.header("Location").orElseThrow().replaceAll("^.*(/api/)", "/api/") + "/locales/en";
        Workflow.publish(Api.as("author"), variant);
        String id = variant.replaceAll("^/api/articles/(\\d+)/.*", "$1");

        String failed = "Audit sign-in-failed: a sign-in as '" + stranger + "' failed (no-such-user)";
        String published = "Audit publish: editor did 'publish' on article " + id + " (en, revision 1)";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        String logged = serverLog();
        while (!(logged.contains(failed) && logged.contains(published)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            logged = serverLog();
        }
        assertTrue(logged.contains(failed), "the failed sign-in is not in the log");
        assertTrue(logged.contains(published), "the publication is not in the log");
        assertFalse(logged.contains("not-a-password"), "a password was logged");
    }

    /** What the suite's server has logged so far, its rotated files included. */
    private static String serverLog() throws IOException {
        Path named = Path.of(System.getProperty("cms.it.server-log"));
        StringBuilder logged = new StringBuilder();
        try (var files = Files.list(named.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(named.getFileName().toString())).toList()) {
                logged.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return logged.toString();
    }

    @Test
    void openApiDescribesTheApi() {
        var openapi = Api.anonymous().get("/openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/articles/{id}/locales/{locale}"), openapi::body);
    }

    /** Every API address of the contract's tables (docs/CONTRACT.md) but those planned is in the OpenAPI document. */
    @Test
    void openApiDescribesEveryAddressOfTheContract() throws Exception {
        JsonNode openapi = Api.anonymous().get("/openapi?format=JSON").json();
        Set<String> described = new TreeSet<>();
        openapi.get("paths").fieldNames().forEachRemaining(path -> described.add(withoutParameterNames(path)));
        Set<String> promised = new TreeSet<>();
        for (String row : Files.readAllLines(Path.of("docs", "CONTRACT.md"))) {
            if (row.startsWith("| `") && !row.contains("*(planned)*")) {
                Matcher address = Pattern.compile("`(?:[A-Z]+ )?(/api/[^`\\s?]*)").matcher(row.substring(0, row.indexOf(" | ", 2)));
                while (address.find()) {
                    promised.add(withoutParameterNames(address.group(1)));
                }
            }
        }
        assertTrue(promised.size() >= 15, () -> "the contract's API addresses were not found: " + promised);
        promised.removeAll(described);
        assertEquals(Set.of(), promised, () -> "not in /openapi, which describes " + described);
    }

    private static String withoutParameterNames(String path) {
        return path.replaceAll("\\{[^}]*}", "{}").replaceAll("/$", "");
    }

    @Test
    void datesAreIsoStringsWrittenByJackson() {
        var created = Api.as("author").post("/api/articles", article(unique("jackson")));
        String createdAt = created.json().get("createdAt").asText();
        assertTrue(createdAt.matches("\\d{4}-\\d{2}-\\d{2}T.*Z"), createdAt);
    }

    @Test
    void readinessWaitsForTheDatabaseAndTheClusterWhileLivenessAsksNeither() {
        var ready = Api.anonymous().get("/health/ready");
        assertEquals(200, ready.status(), ready::body);
        Map<String, JsonNode> checks = new HashMap<>();
        ready.json().get("checks").forEach(check -> checks.put(check.get("name").asText(), check));
        assertEquals("UP", checks.get("database").get("status").asText(), ready::body);
        // the suite's instance has a grid of its own (its own cluster name) and expects no other member
        assertEquals("UP", checks.get("cluster").get("status").asText(), ready::body);
        assertEquals(1, checks.get("cluster").get("data").get("members").asInt(), ready::body);
        assertEquals(1, checks.get("cluster").get("data").get("expectedMembers").asInt(), ready::body);

        var live = Api.anonymous().get("/health/live");
        assertEquals(200, live.status());
        assertTrue(!live.body().contains("\"cluster\"") && !live.body().contains("\"database\""), live::body);
    }
}
