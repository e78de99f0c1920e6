package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.AuthorizationTableTests.CALLERS;
import static org.medpub.cms.it.AuthorizationTableTests.ROLES;
import static org.medpub.cms.it.AuthorizationTableTests.api;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.StateFixtures.MARKER;
import static org.medpub.cms.it.StateFixtures.PUBLIC_TEXT;
import static org.medpub.cms.it.Workflow.step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medpub.cms.it.StateFixtures.Fixture;
import org.medpub.cms.it.StateFixtures.State;

/**
 * Guards that unpublished text never leaks. The shared articles of {@link StateFixtures}, in
 * every state and locale, carry a secret marker in every unpublished revision; anonymous callers
 * must never see it anywhere, and the editorial roles only through {@code /api}. Everything
 * unpublished answers exactly like something that never existed, nothing answers 500, query
 * parameters widen nothing, a body cannot set what only the workflow sets, and a preview link
 * shows its own revision only.
 * <p>
 * The reader site comes later; until then its addresses answer 404, and these tests keep
 * guarding them when they start to answer.
 */
abstract class NoLeakTests {

    private static final List<String> LOCALES = List.of("en", "es", "fr");

    /** Fields that only the workflow and the server set, with values that would widen what readers see. */
    private static final Map<String, Object> SERVER_FIELDS = serverFields();

    /** The shared articles' topic slugs by name, once named ({@link #sharedTopicSlugs}). */
    private static final Map<String, String> SHARED_TOPICS = new LinkedHashMap<>();

    final Api anonymous = Api.anonymous();
    final Api author = Api.as("author");

    @Test
    void theEditorialTeamSeesTheMarkerInEveryFieldOfUnpublishedText() {
        for (State state : State.values()) {
            Fixture article = StateFixtures.shared(state);
            for (String locale : LOCALES) {
                var text = author.get(article.locale(locale)).json();
                String words = state == State.PUBLISHED && locale.equals("en") ? PUBLIC_TEXT : MARKER;
                for (String field : List.of("title", "summary", "body", "topics", "references")) {
                    assertTrue(text.get(field).toString().contains(words), state.label() + " " + locale + " " + field);
                }
            }
        }
        var live = author.get(StateFixtures.shared(State.PUBLISHED_WITH_DRAFT).locale("en") + "/revisions/1").json();
        assertTrue(live.get("body").asText().contains(PUBLIC_TEXT), live::toString);
        assertFalse(live.toString().contains(MARKER), "the live revision is marker-free");
    }

    @Test
    void publicAddressesShowNoMarkerToAnyoneAndNeverFail() {
        List<String> addresses = publicAddresses();
        for (String caller : CALLERS) {
            for (String address : addresses) {
                var reply = api(caller).get(address);
                if (address.contains("/search?q=")) {
                    // the search page repeats the words searched for; what must be empty is what it found
                    assertEquals(200, reply.status(), () -> caller + " GET " + address + ": " + reply);
                    assertTrue(reply.body().contains("<ol class=\"results\"></ol>"), () -> caller + " found drafts: " + reply);
                } else {
                    assertClean(reply, caller + " GET " + address);
                }
            }
        }
    }

    @Test
    void unpublishedArticlesAnswerExactlyLikeArticlesThatNeverExisted() {
        for (String caller : CALLERS) {
            Api api = api(caller);
            for (String locale : LOCALES) {
                var never = api.get("/" + locale + "/articles/" + unique("never"));
                assertEquals(404, never.status(), never::toString);
                for (String slug : unpublishedSlugs(locale)) {
                    for (String address : List.of("/" + locale + "/articles/" + slug,
                            "/" + locale + "/articles/" + slug + "?preview=true&draft=1&revision=2&state=draft")) {
                        assertSameAnswer(never, api.get(address), caller + " GET " + address);
                    }
                }
            }
            var never = api.get("/preview/" + unique("never"));
            for (String garbage : List.of("1", "x.y", "%2e%2e", MARKER, "A".repeat(400))) {
                assertSameAnswer(never, api.get("/preview/" + garbage), caller + " GET /preview/" + garbage);
            }
        }
    }

    @Test
    void topicsOfUnpublishedArticlesAnswerExactlyLikeTopicsThatNeverExisted() {
        for (String caller : CALLERS) {
            Api api = api(caller);
            for (String locale : LOCALES) {
                var never = api.get("/" + locale + "/topics/" + unique("never"));
                assertEquals(404, never.status(), never::toString);
                for (String address : List.of("/" + locale + "/topics/" + sharedTopicSlugs().get(MARKER),
                        "/" + locale + "/topics/" + sharedTopicSlugs().get(MARKER) + "?page=2&preview=true&state=draft")) {
                    assertSameAnswer(never, api.get(address), caller + " GET " + address);
                }
            }
        }
        var page = anonymous.get("/en/topics/" + sharedTopicSlugs().get(PUBLIC_TEXT));
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("Migraine " + PUBLIC_TEXT), "the live revision of the article with a draft");
        assertClean(page, "the topic page of the published articles");
    }

    @Test
    void aTopicOfArticlesInReviewApprovedOrArchivedOnlyIsNotFoundAndNoTopicPageListsThem() {
        String shared = unique("leak-shared");
        name(shared, "Shared " + shared);
        String published = "Published " + shared;
        Workflow.publish(author, created(published, List.of("Shared " + shared)) + "/locales/en");
        List<String> hidden = new ArrayList<>(List.of("Draft " + shared));
        created(hidden.get(0), List.of("Shared " + shared));
        var never = anonymous.get("/en/topics/" + unique("never"));
        for (State state : List.of(State.IN_REVIEW, State.APPROVED, State.ARCHIVED)) {
            String key = unique("leak-" + state.label().replace('_', '-'));
            name(key, "Only " + key);
            String title = state.label() + " " + key;
            hidden.add(title);
            String en = created(title, List.of("Only " + key, "Shared " + shared)) + "/locales/en";
            assertEquals(200, Workflow.take(author, en, step("submit")).status());
            if (state != State.IN_REVIEW) {
                assertEquals(200, Workflow.take(api("reviewer"), en, Workflow.signOff("approve")).status());
            }
            if (state == State.ARCHIVED) {
                assertEquals(200, Workflow.take(api("editor"), en, step("publish")).status());
                assertEquals(200, anonymous.get("/en/topics/" + key).status(), "listed while published");
                assertEquals(200, Workflow.take(api("editor"), en, step("archive")).status());
            }
            var topic = anonymous.get("/en/topics/" + key);
            assertSameAnswer(never, topic, state.label() + " only: GET /en/topics/" + key);
            assertFalse(topic.body().contains(title), topic::body);
        }
        var page = anonymous.get("/en/topics/" + shared);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains(published), page::body);
        for (String title : hidden) {
            assertFalse(page.body().contains(title), () -> "the topic page lists " + title + ": " + page.body());
        }
        var article = anonymous.get("/en/articles/" + DatabaseRows.text("select r.slug from revision r join variant v"
                + " on v.live_revision_id = r.id where r.title = ?", published));
        assertEquals(200, article.status(), article::toString);
        for (String title : hidden) {
            assertFalse(article.body().contains(title), () -> "the published article relates " + title);
        }
    }

    @Test
    void anonymousCallersGetOneAndTheSame401EverywhereUnderTheApi() {
        var reference = anonymous.get("/api/articles/" + Long.MAX_VALUE);
        assertEquals(401, reference.status(), reference::toString);
        List<String> addresses = new ArrayList<>(List.of("/api", "/api/", "/api/articles",
                "/api/articles?state=draft&q=" + MARKER + "&includeDrafts=true&as=admin",
                "/api/articles?locale=en&state=in_review&limit=100&preview=1", "/api/workflow/checklist",
                "/api/reviews/due", "/api/nowhere"));
        for (State state : State.values()) {
            Fixture article = StateFixtures.shared(state);
            addresses.add(article.path());
            addresses.add(article.path() + "?expand=all&includeUnpublished=true");
            for (String locale : LOCALES) {
                String variant = article.locale(locale);
                Stream.of("", "/revisions", "/revisions/1", "/diff?from=1&to=1", "/history", "/revisions/1/comments")
                        .forEach(sub -> addresses.add(variant + sub));
            }
        }
        for (String address : addresses) {
            assertSameAnswer(reference, anonymous.get(address), "GET " + address);
        }
        Fixture draft = StateFixtures.shared(State.DRAFT);
        assertSameAnswer(reference, anonymous.post(draft.locale("en") + "/revisions/1/preview-link", Map.of()),
                "POST preview-link");
        assertSameAnswer(reference, anonymous.post(draft.locale("en") + "/transitions", step("publish")), "POST transitions");
        assertSameAnswer(reference, anonymous.post("/api/import", "text/plain", "Title\n\nText"), "POST import");
    }

    @Test
    void scanningIdsPastTheLastArticleFindsNothingAndNeverFails() {
        long last = DatabaseRows.count("select max(id) from article");
        List<String> ids = new ArrayList<>(List.of("123abc", "-1", "99999999999999999999", "0", "1e3", "0x10"));
        for (long next = last + 1; next <= last + 5; next++) {
            ids.add(Long.toString(next));
        }
        var unauthorized = anonymous.get(StateFixtures.shared(State.DRAFT).path());
        for (String id : ids) {
            String article = "/api/articles/" + id;
            for (String address : List.of(article, article + "/locales/en", article + "/locales/en/revisions/1",
                    article + "/locales/en/history", article + "/locales/en/revisions/1/comments")) {
                assertSameAnswer(unauthorized, anonymous.get(address), "anonymous GET " + address);
                for (String caller : ROLES) {
                    var reply = api(caller).get(address);
                    assertClean(reply, caller + " GET " + address);
                    assertEquals(404, reply.status(), () -> caller + " GET " + address + ": " + reply);
                }
            }
            var link = api("reviewer").post(article + "/locales/en/revisions/1/preview-link", Map.of());
            assertEquals(404, link.status(), () -> "preview-link of " + id + ": " + link);
            var publish = api("editor").post(article + "/locales/en/transitions", step("publish"));
            assertEquals(404, publish.status(), () -> "publish " + id + ": " + publish);
        }
        // %2e%2e is no id but ".." spelled otherwise: such a path is refused before any sign-in
        // (issue 10, item 13), with the same 404 for everyone
        String dots = "/api/articles/%2e%2e";
        for (String address : List.of(dots, dots + "/locales/en", dots + "/locales/en/revisions/1")) {
            var refused = anonymous.get(address);
            assertEquals(404, refused.status(), () -> "anonymous GET " + address + ": " + refused);
            assertClean(refused, "anonymous GET " + address);
            for (String caller : ROLES) {
                var reply = api(caller).get(address);
                assertEquals(refused.body(), reply.body(), caller + " GET " + address);
                assertEquals(404, reply.status(), () -> caller + " GET " + address + ": " + reply);
            }
        }
    }

    @Test
    void errorPagesShowNoMarkerAndNoServerInternals() {
        Fixture draft = StateFixtures.shared(State.DRAFT);
        Api editor = api("editor");
        List<Api.Reply> errors = List.of(
                anonymous.get("/api/articles"),
                anonymous.get("/" + unique("nowhere")),
                anonymous.post("/preview/" + MARKER, Map.of()),
                anonymous.send(anonymous.request("/health/ready").DELETE()),
                author.get("/api/" + unique("nowhere")),
                author.send(author.request(draft.path()).DELETE()),
                author.post("/api/articles", "text/plain", MARKER),
                author.post("/api/articles", "{\"title\": "),
                author.send(author.request(draft.path()).header("Accept", "application/xml").GET()),
                author.put(draft.locale("en"), StateFixtures.edit(draft.slug("en"), "edited"), null),
                author.put(draft.locale("en"), StateFixtures.edit(draft.slug("en"), "edited"), "\"r99\""),
                author.post("/api/articles", article(draft.slug("en"))),
                api("reviewer").post("/api/articles", article(unique("refused"))),
                editor.post(draft.locale("en") + "/transitions", step("publish")),
                editor.get(draft.locale("en") + "/diff?from=1"));
        for (Api.Reply error : errors) {
            assertTrue(error.status() >= 400 && error.status() < 500, error::toString);
            boolean api = error.response().request().uri().getPath().startsWith("/api/");
            // problems everywhere, but for the reader site's one "not found" page outside the API
            boolean readerNotFound = !api && error.status() == 404;
            assertTrue(error.header("Content-Type").orElse("")
                    .startsWith(readerNotFound ? "text/html" : "application/problem+json"), error::toString);
            assertClean(error, "error " + error.status());
            assertFalse(error.body().contains("Exception") || error.body().contains("\tat "), error::toString);
        }
    }

    @Test
    void queryParametersCannotWidenWhatAnyoneSees() {
        String widening = "&includeDrafts=true&includeUnpublished=1&showAll=true&as=admin&role=admin&preview=1";
        var anonymousList = anonymous.get("/api/articles?state=draft&q=" + MARKER + widening);
        assertEquals(401, anonymousList.status());
        assertClean(anonymousList, "anonymous list");

        Fixture draft = StateFixtures.shared(State.DRAFT);
        for (String caller : ROLES) {
            Api api = api(caller);
            var published = api.get("/api/articles?state=published&q=" + MARKER + widening);
            assertEquals(200, published.status(), published::toString);
            assertEquals(0, published.json().get("items").size(), () -> caller + ": " + published);
            assertEquals(api.get(draft.path()).json(), api.get(draft.path() + "?expand=all" + widening).json(), caller);
            assertEquals(api.get(draft.locale("en")).json(), api.get(draft.locale("en") + "?revision=2&live=true").json(),
                    caller);
        }

        var imported = author.post("/api/import?locale=en&state=published&author=admin&createdBy=admin&live=1",
                "text/markdown", "# Imported " + unique("smuggle") + "\n\nA paragraph.");
        assertEquals(201, imported.status(), imported::toString);
        assertCreatedAsADraftByTheAuthor(imported);
        var created = author.post("/api/articles?state=published&author=admin&liveRevision=1", article(unique("smuggle")));
        assertEquals(201, created.status(), created::toString);
        assertCreatedAsADraftByTheAuthor(created);
    }

    @Test
    void bodiesThatSetWhatOnlyTheWorkflowSetsAreRefusedAndChangeNothing() {
        Fixture draft = StateFixtures.fresh(State.DRAFT);
        Fixture approved = StateFixtures.fresh(State.APPROVED);
        Api editor = api("editor");
        SERVER_FIELDS.forEach((field, value) -> {
            String slug = unique("smuggled");
            var create = author.post("/api/articles", with(article(slug), field, value));
            assertRefused(create, field);
            assertEquals(0, DatabaseRows.count("select count(*) from variant where slug = ?", slug), field);

            String before = StateFixtures.snapshot(draft.id());
            assertRefused(author.put(draft.locale("en"), with(StateFixtures.edit(draft.slug("en"), "x"), field, value),
                    "\"r1\""), field);
            assertRefused(author.post(draft.locale("en") + "/transitions", with(step("submit"), field, value)), field);
            assertRefused(author.post(draft.locale("en") + "/revisions/1/comments", Map.of("text", "Hi", field, value)),
                    field);
            assertEquals(before, StateFixtures.snapshot(draft.id()), field);

            String approvedBefore = StateFixtures.snapshot(approved.id());
            assertRefused(editor.post(approved.locale("en") + "/transitions", with(step("publish"), field, value)), field);
            assertEquals(approvedBefore, StateFixtures.snapshot(approved.id()), field);
        });
        assertEquals("draft", DatabaseRows.text("select state from variant where article_id = ? and locale = 'en'",
                draft.id()));
        assertEquals("approved", DatabaseRows.text("select state from variant where article_id = ? and locale = 'en'",
                approved.id()));
    }

    @Test
    void aPreviewLinkShowsItsOwnRevisionAndNeverAnother() {
        Fixture article = StateFixtures.shared(State.PUBLISHED_WITH_DRAFT);
        Api reviewer = api("reviewer");
        String live = reviewer.post(article.locale("en") + "/revisions/1/preview-link", Map.of()).json().get("url").asText();
        String draft = reviewer.post(article.locale("en") + "/revisions/2/preview-link", Map.of()).json().get("url").asText();

        var livePage = anonymous.get(live);
        assertEquals(200, livePage.status(), livePage::toString);
        assertTrue(livePage.body().contains(PUBLIC_TEXT), livePage::body);
        assertFalse(livePage.body().contains(MARKER), "the link for revision 1 shows none of revision 2");

        var draftPage = anonymous.get(draft);
        assertEquals(200, draftPage.status(), draftPage::toString);
        assertTrue(draftPage.body().contains(MARKER), draftPage::body);
        assertFalse(draftPage.body().contains(PUBLIC_TEXT), "the link for revision 2 shows none of revision 1");
    }

    @Test
    void anAccountWithoutAnEditorialRoleSeesNothingUnderTheApi() {
        Api roleless = Api.as(IdentityTests.newAccount(), IdentityTests.PASSWORD);
        Fixture draft = StateFixtures.shared(State.DRAFT);
        for (String address : List.of("/api/articles", "/api/articles?q=" + MARKER, draft.path(), draft.locale("en"),
                draft.locale("en") + "/revisions/1", draft.locale("en") + "/history", "/api/reviews/due")) {
            var reply = roleless.get(address);
            assertEquals(403, reply.status(), () -> address + ": " + reply);
            assertClean(reply, "without a role GET " + address);
        }
        assertEquals(403, roleless.post(draft.locale("en") + "/revisions/1/comments", Map.of("text", "Hi")).status());
    }

    @Test
    void everySitemapFileListsOnlyPublishedPages() {
        // the shared articles exist before the sitemaps are read, whichever test ran first
        Arrays.stream(State.values()).forEach(StateFixtures::shared);
        List<String> files = ReaderPagingTests.sitemapFiles(anonymous);
        assertFalse(files.isEmpty(), "the published fixture is in a sitemap file");
        for (String file : files) {
            var sitemap = anonymous.get(file);
            assertEquals(200, sitemap.status(), () -> file + ": " + sitemap);
            assertClean(sitemap, "GET " + file);
            for (String locale : LOCALES) {
                for (String slug : unpublishedSlugs(locale)) {
                    assertFalse(sitemap.body().contains("/" + locale + "/articles/" + slug + "<")
                            || sitemap.body().contains("/" + locale + "/articles/" + slug + "\""), () -> file + " lists " + slug);
                }
            }
        }
    }

    /** Every address the public can reach today or will when the reader site comes. */
    private static List<String> publicAddresses() {
        List<String> addresses = new ArrayList<>(List.of("/", "/health/ready", "/health/live", "/openapi",
                "/preview/" + unique("garbage"), "/sitemap.xml", "/robots.txt", "/" + unique("nowhere")));
        addresses.addAll(ReaderPagingTests.sitemapFiles(Api.anonymous()));
        for (String locale : LOCALES) {
            addresses.add("/" + locale + "/");
            addresses.add("/" + locale + "/search?q=" + MARKER);
            // the people who wrote and signed off the shared articles, and the site's disclosure
            addresses.add("/" + locale + "/people/alex-author");
            addresses.add("/" + locale + "/people/rana-reviewer");
            addresses.add("/" + locale + "/about/disclosure");
            // the topic that only unpublished revisions name, and the one the published revisions name
            sharedTopicSlugs().values().forEach(slug -> addresses.add("/" + locale + "/topics/" + slug));
            for (State state : State.values()) {
                String slug = StateFixtures.shared(state).slug(locale);
                addresses.add("/" + locale + "/articles/" + slug);
                addresses.add("/" + locale + "/articles/" + slug + "?preview=true&revision=2");
                addresses.add("/" + locale + "/articles/" + slug + "/changes");
            }
        }
        return addresses;
    }

    /**
     * The topics of the shared articles, named in the taxonomy in every locale once per suite: the
     * marker's, which only unpublished revisions name, and the published text's. Their slugs by name.
     */
    private static synchronized Map<String, String> sharedTopicSlugs() {
        if (SHARED_TOPICS.isEmpty()) {
            Arrays.stream(State.values()).forEach(StateFixtures::shared);
            for (String name : List.of(MARKER, PUBLIC_TEXT)) {
                String key = unique("leak-topic");
                name(key, name);
                for (String locale : LOCALES.subList(1, LOCALES.size())) {
                    var named = Api.as("editor").put("/api/topics/" + key + "/locales/" + locale,
                            Map.of("name", name, "slug", key), null);
                    assertEquals(200, named.status(), named::toString);
                }
                SHARED_TOPICS.put(name, key);
            }
        }
        return SHARED_TOPICS;
    }

    /** Adds a topic named so in English, under its key as slug. */
    private static void name(String key, String name) {
        var named = Api.as("editor").put("/api/topics/" + key + "/locales/en", Map.of("name", name, "slug", key), null);
        assertEquals(201, named.status(), named::toString);
    }

    /** A new English draft with this title and these topics; its path. */
    private String created(String title, List<String> topics) {
        return RevisionApiTests.path(author.post("/api/articles",
                with(with(article(unique("leak")), "title", title), "topics", topics)));
    }

    /** The slugs of every unpublished article variant: what readers must not find. */
    private static List<String> unpublishedSlugs(String locale) {
        List<String> slugs = new ArrayList<>();
        for (State state : State.values()) {
            boolean live = state.isPublished() && locale.equals("en");
            if (!live) {
                slugs.add(StateFixtures.shared(state).slug(locale));
            }
        }
        return slugs;
    }

    private void assertCreatedAsADraftByTheAuthor(Api.Reply created) {
        long id = created.json().get("id").asLong();
        assertEquals("author", DatabaseRows.text("select created_by from article where id = ?", id));
        assertEquals("draft|0|author", DatabaseRows.text("select v.state || '|' || coalesce(v.live_revision_id, 0)"
                + " || '|' || r.author from variant v join revision r on r.id = v.current_revision_id"
                + " where v.article_id = ?", id));
    }

    private static void assertRefused(Api.Reply reply, String field) {
        assertEquals(400, reply.status(), () -> field + ": " + reply);
        assertEquals(List.of(field), ValidationTests.fields(reply.json()), reply::toString);
    }

    private static void assertSameAnswer(Api.Reply expected, Api.Reply actual, String what) {
        assertEquals(expected.status(), actual.status(), () -> what + ": " + actual);
        assertEquals(expected.body(), actual.body(), what);
        assertClean(actual, what);
    }

    private static void assertClean(Api.Reply reply, String what) {
        assertTrue(reply.status() < 500, () -> what + " failed on the server: " + reply);
        assertFalse(reply.body().contains(MARKER), () -> what + " shows unpublished text: " + reply);
    }

    private static Map<String, Object> serverFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("state", "published");
        fields.put("reviewer", "reviewer");
        fields.put("liveRevision", 1);
        fields.put("author", "admin");
        fields.put("createdAt", "2020-01-01T00:00:00Z");
        fields.put("actor", "admin");
        fields.put("at", "2020-01-01T00:00:00Z");
        return fields;
    }
}
