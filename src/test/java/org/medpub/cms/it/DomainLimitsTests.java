package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.Workflow.signOff;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Limits of the domain that hold whatever a caller sends: a diff of any two revisions answers
 * within seconds, a publication time lies within the schedule's window, a draft's slug tells
 * readers nothing, a save names the revision it overwrites, and an XLIFF file exported from the
 * largest article can be imported again.
 */
abstract class DomainLimitsTests {

    final Api author = Api.as("author");
    final Api editor = Api.as("editor");
    final Api reader = Api.anonymous();

    @Test
    void item2_twoLargeUnrelatedRevisionsAreComparedWithinSecondsAndSaySo() {
        String before = words(new Random(1), 190_000);
        String after = words(new Random(2), 190_000);
        String en = RevisionApiTests.path(author.post("/api/articles", with(article(unique("big-diff")), "body", before)))
                + "/locales/en";
        assertEquals(200, author.put(en, edit(unique("big-diff"), after, "rewritten"), "\"r1\"").status());

        var diff = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> author.get(en + "/diff?from=1&to=2"));

        assertEquals(200, diff.status(), diff::toString);
        JsonNode body = diff.json().get("fields").get(3);
        assertEquals("body", body.get("field").asText());
        assertTrue(body.get("changed").asBoolean());
        assertTrue(List.of("lines", "block").contains(body.path("precision").asText()), body.path("precision")::toString);
        StringBuilder old = new StringBuilder();
        StringBuilder now = new StringBuilder();
        body.get("segments").forEach(segment -> {
            String op = segment.get("op").asText();
            if (!op.equals("insert")) {
                old.append(segment.get("text").asText());
            }
            if (!op.equals("delete")) {
                now.append(segment.get("text").asText());
            }
        });
        assertEquals(before, old.toString(), "kept and deleted text make the old body");
        assertEquals(after, now.toString(), "kept and inserted text make the new body");
        JsonNode title = diff.json().get("fields").get(0);
        assertFalse(title.has("precision"), "a field compared word by word keeps the shape it had: " + title);
    }

    @Test
    void item3_aPublicationTimeOutsideTheScheduleWindowIs400AndNothingChanges() {
        String en = approved(unique("far-future"));
        for (String at : List.of("+999999999-12-31T23:59:59Z", "10000-01-01T00:00:00Z",
                OffsetDateTime.now(ZoneOffset.UTC).plusYears(11).toString(),
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString())) {
            var refused = take(editor, en, with(step("publish"), "publishAt", at));

            assertEquals(400, refused.status(), () -> at + ": " + refused);
            assertTrue(refused.header("Content-Type").orElseThrow().startsWith("application/problem+json"), refused::toString);
            assertEquals("publishAt", refused.json().get("errors").get(0).get("field").asText(), refused::toString);
        }
        long article = Long.parseLong(en.split("/")[3]);
        assertEquals("approved", DatabaseRows.text("select state from variant where article_id = ? and locale = 'en'",
                article));
        assertEquals(0, DatabaseRows.count("select count(*) from variant where article_id = ? and live_revision_id is not null",
                article));
        assertEquals(0, DatabaseRows.count("select count(*) from scheduled_publication s join variant v"
                + " on v.id = s.variant_id where v.article_id = ?", article));
        assertEquals(0, DatabaseRows.count("select count(*) from audit_event where article_id = ? and action = 'schedule'",
                article));

        var scheduled = take(editor, en, with(step("publish"), "publishAt",
                OffsetDateTime.now(ZoneOffset.UTC).plusYears(1).toString()));
        assertEquals(200, scheduled.status(), scheduled::toString);
    }

    @Test
    void item8_aSlugOnlyADraftHadAnswersLikeAnUnknownAddress() {
        String live = unique("live-slug");
        String secret = unique("unreleased-drug-recall");
        String en = RevisionApiTests.path(author.post("/api/articles", article(live))) + "/locales/en";
        Workflow.publish(author, en);
        assertEquals(200, author.put(en, edit(secret, "Not yet for readers.", "new slug"), "\"r1\"").status());

        var never = reader.get("/en/articles/" + unique("never"));
        var draftSlug = reader.get("/en/articles/" + secret);

        assertEquals(404, draftSlug.status(), draftSlug::toString);
        assertEquals(never.body(), draftSlug.body());
        assertEquals(never.header("Cache-Control"), draftSlug.header("Cache-Control"));
        assertFalse(draftSlug.header("Location").isPresent());
        assertEquals(200, reader.get("/en/articles/" + live).status());

        Workflow.publish(author, en);
        var formerlyLive = reader.get("/en/articles/" + live);
        assertEquals(301, formerlyLive.status(), "a slug readers saw still leads to the article");
        assertEquals("/en/articles/" + secret, formerlyLive.header("Location").orElseThrow());
    }

    @Test
    void item17_ifMatchStarIsRefusedWith428AndNothingIsSaved() {
        String slug = unique("if-match-star");
        String en = RevisionApiTests.path(author.post("/api/articles", article(slug))) + "/locales/en";

        var refused = author.put(en, edit(slug, "Overwritten unseen.", "star"), "*");

        assertEquals(428, refused.status(), refused::toString);
        assertTrue(refused.header("Content-Type").orElseThrow().startsWith("application/problem+json"), refused::toString);
        assertEquals("\"r1\"", author.get(en).etag());
        assertEquals(200, author.put(en, edit(slug, "Based on r1.", "named"), "\"r1\"").status());
    }

    @Test
    void item17_theXliffExportOfA132kBodyCanBeImportedAgain() throws Exception {
        Api translator = Api.as("translator");
        String path = RevisionApiTests.path(author.post("/api/articles",
                with(article(unique("xliff-large")), "body", "**a** ".repeat(22_000).strip())));
        var export = translator.get(path + "/locales/es/xliff");
        assertEquals(200, export.status(), () -> export.status() + " " + export.body().substring(0, 200));
        assertTrue(export.body().getBytes(StandardCharsets.UTF_8).length > 1_048_576, "larger than the API's JSON limit");
        Map<String, String> words = new HashMap<>(XliffTests.SPANISH);
        words.put("a", "a");
        words.put(" ", " ");
        String file = XliffTests.translated(export.body(), words);

        var imported = translator.post("/api/xliff", "application/xliff+xml", file);

        assertEquals(200, imported.status(), () -> imported.status() + " " + imported.body().substring(0,
                Math.min(400, imported.body().length())));
        assertEquals("es", imported.json().get("locale").asText());
    }

    /** An article taken through review, ready to publish. */
    private String approved(String slug) {
        String en = RevisionApiTests.path(author.post("/api/articles", article(slug))) + "/locales/en";
        assertEquals(200, take(author, en, step("submit")).status());
        assertEquals(200, take(Api.as("reviewer"), en, signOff("approve")).status());
        return en;
    }

    /** Random words of a small vocabulary, a line break after about every 80 characters. */
    private static String words(Random random, int length) {
        String[] words = {"dose", "tablet", "migraine", "risk", "daily", "child", "adult", "pain", "fever", "water",
                "rest", "sleep", "doctor", "take", "avoid", "with", "food", "after", "before", "week"};
        StringBuilder text = new StringBuilder(length + 20);
        int line = 0;
        while (text.length() < length) {
            String word = words[random.nextInt(words.length)];
            text.append(word);
            line += word.length() + 1;
            if (line >= 80) {
                text.append(".\n");
                line = 0;
            } else {
                text.append(' ');
            }
        }
        return text.toString().strip();
    }
}
