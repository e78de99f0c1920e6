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
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the reader page says when the article was last reviewed and when its next review is
 * due, in the reader's language, and says plainly when that review is overdue past the grace
 * period (the dashboard lists such pages); a locale whose text cites no reference is approved
 * only with the reviewer's reason why none is needed, which the audit trail shows.
 */
abstract class ReviewDatesTests {

    final Api author = Api.as("author");
    final Api reviewer = Api.as("reviewer");
    final Api reader = Api.anonymous();

    @Test
    void theEnglishAndArabicPagesShowWhenTheArticleWasReviewedAndIsDueAgain() {
        String slug = unique("review-dates");
        String arabicSlug = unique("tawarikh");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        Workflow.publish(author, article + "/locales/en");
        var arabic = with(edit(arabicSlug, AccessibilityTests.ARABIC_BODY, "الترجمة العربية"),
                "title", AccessibilityTests.ARABIC_TITLE);
        assertEquals(201, author.put(article + "/locales/ar", arabic, null).status());
        Workflow.publish(author, article + "/locales/ar");

        String english = reader.get("/en/articles/" + slug).body();
        assertTrue(english.contains("<p class=\"review-dates\" lang=\"en\" dir=\"ltr\">"
                + dates("en", signedOff(article, "en")) + "</p>"), english);
        assertTrue(english.contains("Last reviewed "), english);
        assertFalse(english.contains("overdue"), "a fresh review is not overdue");

        var page = reader.get("/ar/articles/" + arabicSlug);
        assertEquals(200, page.status(), page::toString);
        String html = page.body();
        assertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"), html);
        assertTrue(html.contains("<p class=\"review-dates\" lang=\"ar\" dir=\"rtl\">"
                + dates("ar", signedOff(article, "ar")) + "</p>"), html);
        assertTrue(html.contains("آخر مراجعة"), html);
    }

    @Test
    void theReReviewsDueComeAPageAtATimeSoonestFirst() {
        // the suite's due-soon window lists every published page: two more make at least two
        for (int i = 0; i < 2; i++) {
            Workflow.publish(author, RevisionApiTests.path(author.post("/api/articles", article(unique("due-paged")))) + "/locales/en");
        }
        var first = reviewer.get("/api/reviews/due?limit=1");
        assertEquals(200, first.status(), first::toString);
        assertEquals(1, first.json().get("items").size());
        String cursor = first.json().get("next").asText();
        var second = reviewer.get("/api/reviews/due?limit=1&cursor=" + cursor);
        assertEquals(200, second.status(), second::toString);
        var a = first.json().get("items").get(0);
        var b = second.json().get("items").get(0);
        assertFalse(a.get("articleId").asLong() == b.get("articleId").asLong()
                && a.get("locale").asText().equals(b.get("locale").asText()), "the second page goes on: " + a + " " + b);
        assertFalse(Instant.parse(a.get("lastReviewed").asText()).isAfter(Instant.parse(b.get("lastReviewed").asText())),
                "soonest due first");
        var all = Workflow.dueReReviews(reviewer);
        assertEquals(all.size(), all.stream().map(item -> item.get("articleId").asLong() + "/" + item.get("locale").asText())
                .distinct().count(), "no re-review twice across the pages");

        for (String bad : List.of("limit=0", "limit=501", "limit=many", "cursor=not-a-cursor", "cursor=" + cursor.substring(0, 8), "cursor=" + cursor + "!")) {
            var refused = reviewer.get("/api/reviews/due?" + bad);
            assertEquals(400, refused.status(), bad + ": " + refused);
            assertTrue(refused.header("Content-Type").orElse("").startsWith("application/problem+json"), refused::toString);
        }
    }

    @Test
    void aPageOverduePastTheGracePeriodSaysSoAndTheDashboardMarksIt() {
        String slug = unique("overdue");
        String title = "Overdue review " + slug;
        String article = RevisionApiTests.path(author.post("/api/articles", with(article(slug), "title", title)));
        Workflow.publish(author, article + "/locales/en");
        long id = Long.parseLong(article.substring(article.lastIndexOf('/') + 1));
        // signed off 13 months and 20 days ago: due a month ago (P12M), overdue past the grace period (P14D);
        // the review is history that nothing may change, so the test turns the guard off for its one statement
        DatabaseRows.update("do $$ begin"
                + " alter table medical_review disable trigger medical_review_append_only;"
                + " update medical_review set reviewed_at = reviewed_at - interval '13 months 20 days'"
                + "  where variant_id in (select id from variant where article_id = " + id + ");"
                + " alter table medical_review enable trigger medical_review_append_only;"
                + " update variant set live_signed_off_at = live_signed_off_at - interval '13 months 20 days'"
                + "  where article_id = " + id + ";"
                + " update article set signed_off_at = signed_off_at - interval '13 months 20 days' where id = " + id + ";"
                + " end $$");

        String html = reader.get("/en/articles/" + slug).body();
        assertTrue(html.contains("<p class=\"notice\" role=\"note\">This page is overdue for its medical review (it was due on "),
                html);
        assertTrue(html.contains(dates("en", signedOff(article, "en"))), html);

        for (String user : List.of("editor", "reviewer")) {
            var session = new AdminSession();
            session.signIn(user, "demo");
            String dashboard = session.get("/admin/").body();
            Matcher row = Pattern.compile("<li class=\"([^\"]*)\">((?:(?!</li>).)*" + Pattern.quote(title) + ".*?)</li>",
                    Pattern.DOTALL).matcher(dashboard);
            assertTrue(row.find(), user + " sees the page among the re-reviews due: " + dashboard);
            assertEquals("overdue past-grace", row.group(1), row.group());
            assertTrue(row.group(2).contains("Overdue: readers are told"), row.group());
        }
    }

    @Test
    void aTextCitingNoReferenceIsApprovedOnlyWithTheReasonWhichTheHistoryShows() {
        String article = RevisionApiTests.path(author.post("/api/articles",
                with(article(unique("no-references")), "references", List.of())));
        String en = article + "/locales/en";
        assertEquals(200, take(author, en, step("submit")).status());

        var refused = take(reviewer, en, signOff("approve"));
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.json().get("type").asText().endsWith("/references-missing"), refused::toString);
        assertEquals("noReferencesReason", refused.json().get("errors").get(0).get("field").asText(), refused::toString);
        assertEquals(0, DatabaseRows.count("select count(*) from medical_review m join variant v on v.id = m.variant_id"
                + " where v.article_id = ?", id(article)));

        Map<String, Object> withReason = new LinkedHashMap<>(signOff("approve"));
        withReason.put("noReferencesReason", "A first-aid checklist: nothing in it needs a source.");
        var approved = take(reviewer, en, withReason);
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("approved", approved.json().get("state").asText());
        assertEquals("A first-aid checklist: nothing in it needs a source.", DatabaseRows.text("select m.no_references_reason"
                + " from medical_review m join variant v on v.id = m.variant_id where v.article_id = ?", id(article)));

        JsonNode events = author.get(en + "/history").json().get("events");
        JsonNode approval = events.get(events.size() - 1);
        assertEquals("approve", approval.get("action").asText(), events::toString);
        assertTrue(approval.get("comment").asText().contains("A first-aid checklist: nothing in it needs a source."),
                events::toString);

        var session = new AdminSession();
        session.signIn("editor", "demo");
        String history = session.get("/admin/edit.xhtml?article=" + id(article) + "&locale=en").body();
        assertTrue(history.contains("Approved without references: A first-aid checklist: nothing in it needs a source."),
                history);
    }

    /** When the variant's live revision was last signed off, as the database keeps it. */
    private static Instant signedOff(String article, String locale) {
        return Instant.ofEpochMilli(Long.parseLong(DatabaseRows.text("select cast(extract(epoch from live_signed_off_at)"
                + " * 1000 as bigint) from variant where article_id = ? and locale = ?", id(article), locale)));
    }

    /** The dates line as the bundle of the locale words it, with the next review twelve months on (cms.review.interval). */
    private static String dates(String locale, Instant reviewed) {
        String pattern = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString("article.reviewDates");
        Instant due = reviewed.atOffset(ZoneOffset.UTC).plusMonths(12).toInstant();
        return new MessageFormat(pattern, ULocale.forLanguageTag(locale))
                .format(Map.of("reviewed", Date.from(reviewed), "due", Date.from(due)));
    }

    private static long id(String article) {
        return Long.parseLong(article.substring(article.lastIndexOf('/') + 1));
    }
}
