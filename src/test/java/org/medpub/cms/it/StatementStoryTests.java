package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.Workflow.signOff;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reviewed statements (issue 18): a statement is written, reviewed, translated and published like
 * an article; articles embed it with {@code {{statement:slug}}}; a new revision of it reaches every
 * page that shows it on the next request, in every article's audit trail; and an article that
 * contains a phrase contradicting a statement is approved only once its reviewer confirms the check.
 */
abstract class StatementStoryTests {

    private static final String FIRST = "Ketamine can cause dependence when it is misused.";
    private static final String FIRST_ES = "La ketamina puede causar dependencia si se usa mal.";
    private static final String SECOND = "Ketamine carries a risk of dependence, even at prescribed doses.";
    private static final String REFERENCE = "Example addiction society. Ketamine and dependence, 2025.";

    final Api author = Api.as("author");
    final Api translator = Api.as("translator");
    final Api reviewer = Api.as("reviewer");
    final Api editor = Api.as("editor");
    final Api reader = Api.anonymous();

    @Test
    void aReviewedStatementReachesEveryPageThatShowsItInEveryLanguageAndItsNewRevisionDoesOnTheNextRequest() {
        String slug = unique("ketamine-dependence");
        var created = author.post("/api/statements", statement(slug, FIRST));
        assertEquals(201, created.status(), created::toString);
        assertEquals("statement", created.json().get("kind").asText(), created::toString);
        String statement = RevisionApiTests.path(created);
        long statementId = XliffTests.articleId(statement);
        // the statement's own addresses, as the article's
        String own = "/api/statements/" + statementId;
        Workflow.publish(author, own + "/locales/en");
        var spanish = translator.put(statement + "/locales/es", with(with(with(edit(slug + "-es", FIRST_ES, null),
                "title", "Ketamina y dependencia"), "sourceRevision", 1), "topics", List.of()), null);
        assertEquals(201, spanish.status(), spanish::toString);
        Workflow.publish(translator, statement + "/locales/es");

        JsonNode listed = author.get("/api/statements").json().get("items");
        assertTrue(listed.findValues("id").stream().anyMatch(id -> id.asLong() == statementId), listed::toString);
        assertEquals(404, reader.get("/en/articles/" + slug).status(), "a statement is no reader page of its own");
        assertFalse(page("/en/").contains("/en/articles/" + slug + "\""), "nor listed, though the newest published");

        String first = embedding(unique("ketamine-use"), slug);
        String second = embedding(unique("ketamine-anaesthesia"), slug);
        String firstSlug = author.get(first + "/locales/en").json().get("slug").asText();
        String secondSlug = author.get(second + "/locales/en").json().get("slug").asText();
        var firstSpanish = translator.put(first + "/locales/es", with(with(edit(firstSlug + "-es",
                "## Ketamina\n\nLa ketamina se usa en anestesia.\n\n{{statement:" + slug + "}}\n\nHable con su médico.", null),
                "title", "Ketamina"), "sourceRevision", 1), null);
        assertEquals(201, firstSpanish.status(), firstSpanish::toString);
        Workflow.publish(translator, first + "/locales/es");

        String en = page("/en/articles/" + firstSlug);
        assertTrue(en.contains("<aside class=\"reviewed-statement\" data-statement=\"" + slug + "\">"
                + "<p class=\"reviewed-statement-label\">Reviewed statement · medically reviewed on"), en);
        assertTrue(en.contains("<div class=\"reviewed-statement-text\" lang=\"en\" dir=\"ltr\"><p>" + FIRST + "</p></div>"), en);
        assertTrue(en.contains(REFERENCE), "the statement's references join the page's: " + en);
        String es = page("/es/articles/" + firstSlug + "-es");
        assertTrue(es.contains("<p class=\"reviewed-statement-label\">Declaración revisada · revisión médica del"), es);
        assertTrue(es.contains("lang=\"es\" dir=\"ltr\"><p>" + FIRST_ES + "</p>"), es);
        assertTrue(page("/en/articles/" + secondSlug).contains(FIRST));

        var revised = author.put(own + "/locales/en", with(with(edit(slug, SECOND, "Dependence risk restated"),
                "tellReaders", true), "topics", List.of()), "\"r1\"");
        assertEquals(200, revised.status(), revised::toString);
        assertEquals(SECOND, author.get(own + "/locales/en").json().get("body").asText());
        Workflow.publish(author, own + "/locales/en");

        String enAfter = page("/en/articles/" + firstSlug);
        assertTrue(enAfter.contains(SECOND) && !enAfter.contains(FIRST), "the cached page was replaced: " + enAfter);
        assertTrue(enAfter.contains("Dependence risk restated"), "the statement's note joins the page's change log: " + enAfter);
        String secondAfter = page("/en/articles/" + secondSlug);
        assertTrue(secondAfter.contains(SECOND) && !secondAfter.contains(FIRST), secondAfter);
        String esAfter = page("/es/articles/" + firstSlug + "-es");
        assertTrue(esAfter.contains("lang=\"en\" dir=\"ltr\"><p>" + SECOND + "</p>"),
                "the outdated translation gives way to the new reviewed wording, marked English: " + esAfter);
        assertFalse(esAfter.contains(FIRST_ES), esAfter);

        JsonNode esEntry = locale(author.get(statement).json(), "es");
        assertEquals("outdated", esEntry.get("translationStatus").asText(), esEntry::toString);
        assertEquals(2, DatabaseRows.count("select count(*) from audit_event where article_id = ?"
                + " and action = 'statement-published' and event_comment like ?", XliffTests.articleId(first),
                "%revision 2 published in en%"), "both locales of the first article");
        assertEquals(1, DatabaseRows.count("select count(*) from audit_event where article_id = ?"
                + " and action = 'statement-published' and event_comment like ?", XliffTests.articleId(second),
                "%revision 2 published in en%"));
        assertEquals(1, DatabaseRows.count("select count(*) from change_log_entry e join variant v on v.id = e.variant_id"
                + " where v.article_id = ? and e.statement_id = ?", XliffTests.articleId(second), statementId));
    }

    @Test
    void anArticleWithAContradictingPhraseIsApprovedOnlyOnceTheReviewerConfirmsTheCheckAndIsReported() {
        String phrase = "not addictive " + unique("zq");
        String refusedSlug = unique("ketamine-blank");
        var blankOnCreate = author.post("/api/statements", with(statement(refusedSlug, FIRST), "contradictingPhrases",
                List.of(phrase, " ")));
        assertEquals(400, blankOnCreate.status(), blankOnCreate::toString);
        assertEquals(0, DatabaseRows.count("select count(*) from variant where slug = ?", refusedSlug), "nothing stored");
        String statementSlug = unique("ketamine-abuse");
        String statement = RevisionApiTests.path(author.post("/api/statements", with(statement(statementSlug, FIRST),
                "contradictingPhrases", List.of(phrase))));
        long statementId = XliffTests.articleId(statement);
        assertEquals(List.of(phrase), Api.JSON.convertValue(author.get("/api/statements/" + statementId
                + "/contradicting-phrases").json().get("en"), List.class));
        String phrases = "/api/statements/" + statementId + "/contradicting-phrases/en";
        var set = reviewer.put(phrases, List.of(phrase, "  " + phrase.toUpperCase() + " "), null);
        assertEquals(200, set.status(), set::toString);
        assertEquals(List.of(phrase), Api.JSON.convertValue(set.json().get("phrases"), List.class), "kept once");

        var blank = author.put(phrases, List.of("no risk of dependence", " "), null);
        assertEquals(400, blank.status(), blank::toString);
        assertEquals(1, DatabaseRows.count("select count(*) from contradicting_phrase where statement_id = ?", statementId),
                "nothing stored");
        assertEquals(403, translator.put(phrases, List.of("harmless"), null).status());
        assertEquals(403, author.get("/api/reports/contradictions").status());

        String slug = unique("ketamine-myths");
        String article = RevisionApiTests.path(author.post("/api/articles", with(article(slug), "body",
                "## Ketamine\n\nSome say ketamine is " + phrase + " at low doses. That is wrong.")));
        String en = article + "/locales/en";
        JsonNode checks = author.get(en + "/claim-checks").json();
        assertEquals(phrase, checks.at("/findings/0/phrase").asText(), checks::toString);
        assertEquals("Some say ketamine is " + phrase + " at low doses.", checks.at("/findings/0/sentence").asText());
        assertEquals(statementId, checks.at("/findings/0/statementId").asLong());

        assertEquals(200, take(author, en, step("submit")).status());
        var refused = take(reviewer, en, signOff("approve"));
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.json().get("type").asText().endsWith("/contradicting-phrase-unconfirmed"), refused::toString);
        assertTrue(refused.json().get("detail").asText().contains(phrase), refused::toString);
        assertEquals("IN_REVIEW", DatabaseRows.text("select state from variant where article_id = ? and locale = 'en'",
                XliffTests.articleId(article)).toUpperCase());

        // the review screen names the phrase, its sentence and the statement, and asks for the confirmation
        var screen = new AdminSession();
        screen.signIn("reviewer", "demo");
        String edit = screen.get("/admin/edit.xhtml?article=" + XliffTests.articleId(article) + "&locale=en").body();
        assertTrue(edit.contains("id=\"claimChecks\"") && edit.contains("“" + phrase + "” contradicts the reviewed statement"
                + " “Ketamine and dependence”: Some say ketamine is " + phrase + " at low doses."), edit);
        assertTrue(edit.contains("id=\"claimWarnings\""), "the editor warns too: " + edit);
        Map<String, String> ticked = new LinkedHashMap<>();
        for (int item = 0; item < Workflow.FULL_CHECKLIST.size(); item++) {
            ticked.put("workflow:checklist:" + item + ":confirmed", "on");
        }
        screen.submit("workflow", ticked, "workflow:approve");
        assertEquals("in_review", reviewer.get(en).json().get("state").asText(), "not approved without the box");
        ticked.put("workflow:confirmedClaimChecks", "on");
        screen.submit("workflow", ticked, "workflow:approve");
        assertEquals("approved", reviewer.get(en).json().get("state").asText(), "approved with it");
        assertEquals(1, DatabaseRows.count("select count(*) from audit_event where article_id = ? and action = 'claim-check'"
                + " and actor = 'reviewer' and event_comment like ?", XliffTests.articleId(article), "%" + phrase + "%"),
                "the confirmation is recorded");
        assertEquals(200, take(editor, en, step("publish")).status());

        var report = editor.get("/api/reports/contradictions");
        assertEquals(200, report.status(), report::toString);
        assertTrue(report.json().get("pages").findValues("phrase").stream().anyMatch(p -> p.asText().equals(phrase)),
                report::toString);
        assertEquals(200, reviewer.get("/api/reports/contradictions").status());
        var library = new AdminSession();
        library.signIn("editor", "demo");
        String listed = library.get("/admin/statements.xhtml").body();
        assertTrue(listed.contains("{{statement:" + statementSlug + "}}") && listed.contains(phrase), listed);
    }

    @Test
    void anUnknownStatementIsRefusedAndNothingIsStored() {
        String slug = unique("unknown-statement");
        var refused = author.post("/api/articles", with(article(slug), "body", "Intro.\n\n{{statement:" + slug + "-nowhere}}\n"));
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.toString().contains(slug + "-nowhere"), refused::toString);
        assertEquals(0, DatabaseRows.count("select count(*) from variant where slug = ?", slug));
        assertEquals(403, translator.post("/api/statements", statement(unique("nope"), FIRST)).status());
        assertEquals(404, author.get("/api/statements/999999999/contradicting-phrases").status());
    }

    private Map<String, Object> statement(String slug, String body) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("sourceLocale", "en");
        statement.put("title", "Ketamine and dependence");
        statement.put("slug", slug);
        statement.put("summary", "");
        statement.put("body", body);
        statement.put("references", List.of(Map.of("text", REFERENCE, "url", "https://example.org/ketamine")));
        return statement;
    }

    /** A published article whose body embeds the statement; its path. */
    private String embedding(String slug, String statementSlug) {
        String article = RevisionApiTests.path(author.post("/api/articles", with(article(slug), "body",
                "## Ketamine\n\nKetamine is used in anaesthesia.\n\n{{statement:" + statementSlug + "}}\n\nTalk to your doctor.")));
        Workflow.publish(author, article + "/locales/en");
        return article;
    }

    private static JsonNode locale(JsonNode article, String tag) {
        for (JsonNode entry : article.get("locales")) {
            if (entry.get("locale").asText().equals(tag)) {
                return entry;
            }
        }
        throw new AssertionError("no " + tag + " in " + article);
    }

    private String page(String path) {
        var page = reader.get(path);
        assertEquals(200, page.status(), () -> path + ": " + page);
        return page.body();
    }
}
