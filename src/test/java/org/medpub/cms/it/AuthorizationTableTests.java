package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.StateFixtures.State.APPROVED;
import static org.medpub.cms.it.StateFixtures.State.ARCHIVED;
import static org.medpub.cms.it.StateFixtures.State.DRAFT;
import static org.medpub.cms.it.StateFixtures.State.IN_REVIEW;
import static org.medpub.cms.it.StateFixtures.State.PUBLISHED;
import static org.medpub.cms.it.StateFixtures.State.PUBLISHED_WITH_DRAFT;
import static org.medpub.cms.it.Workflow.signOff;
import static org.medpub.cms.it.Workflow.step;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.medpub.cms.it.StateFixtures.Fixture;
import org.medpub.cms.it.StateFixtures.State;

/**
 * Pins who may do what through the API: every endpoint, for every caller (anonymous and each
 * role) and every workflow state of the article, answers exactly the status in the table below,
 * as the README's workflow table and the roles of CONTRACT.md say. Each cell runs as a test of
 * its own, named by caller, state and request. A request that is refused leaves the article as it
 * was; one that changes an article gets a fresh one, so the rows do not depend on each other.
 */
abstract class AuthorizationTableTests {

    /** The demo users, one per role. */
    static final List<String> ROLES = List.of("author", "translator", "reviewer", "editor", "admin");

    /** The callers, in the order of the table's columns. */
    static final List<String> CALLERS = Stream.concat(Stream.of("anonymous"), ROLES.stream()).toList();

    /** The statuses of one request in one state, one per caller in the order of {@link #CALLERS}. */
    record Line(State state, String request, int... statuses) {
    }

    /** One cell of the table: what one caller gets for one request in one state. */
    record Row(String caller, State state, String request, int status) {

        String name() {
            return caller + " | " + (state == null ? "-" : state.label()) + " | " + request + " -> " + status;
        }
    }

    private static final List<Line> TABLE = List.of(
            // state                 request                                       anon author transl review editor admin
            line(                    "POST articles",                               401, 201, 403, 403, 403, 201),
            line(                    "POST import",                                 401, 201, 403, 403, 403, 201),
            line(                    "POST import into xx (no such locale)",        401, 400, 403, 403, 403, 400),
            line(                    "GET articles",                                401, 200, 200, 200, 200, 200),
            line(                    "GET articles?state=draft",                    401, 200, 200, 200, 200, 200),
            line(                    "GET articles?state=bogus",                    401, 400, 400, 400, 400, 400),
            line(                    "GET workflow/checklist",                      401, 200, 200, 200, 200, 200),
            line(                    "GET reviews/due",                             401, 200, 200, 200, 200, 200),
            line(                    "GET an article that never existed",           401, 404, 404, 404, 404, 404),
            line(                    "POST media",                                  401, 201, 403, 403, 201, 201),
            line(                    "GET media",                                   401, 200, 200, 200, 200, 200),
            line(                    "GET media/{id}",                              401, 200, 200, 200, 200, 200),
            line(                    "PUT media texts es (translator's locale)",    401, 200, 200, 403, 200, 200),
            line(                    "PUT media texts fr (not the translator's)",   401, 200, 403, 403, 200, 200),
            line(                    "DELETE media (shown by no article)",          401, 204, 403, 403, 204, 204),
            line(                    "POST statements",                             401, 201, 403, 403, 403, 201),
            line(                    "GET statements",                              401, 200, 200, 200, 200, 200),
            line(                    "GET reports/contradictions",                  401, 403, 403, 200, 200, 200),
            line(DRAFT,                "GET claim-checks",                          401, 200, 200, 200, 200, 200),

            line(DRAFT,                "GET article",                               401, 200, 200, 200, 200, 200),
            line(IN_REVIEW,            "GET article",                               401, 200, 200, 200, 200, 200),
            line(APPROVED,             "GET article",                               401, 200, 200, 200, 200, 200),
            line(PUBLISHED,            "GET article",                               401, 200, 200, 200, 200, 200),
            line(ARCHIVED,             "GET article",                               401, 200, 200, 200, 200, 200),
            line(PUBLISHED_WITH_DRAFT, "GET article",                               401, 200, 200, 200, 200, 200),

            line(DRAFT,                "GET locales/en",                            401, 200, 200, 200, 200, 200),
            line(IN_REVIEW,            "GET locales/en",                            401, 200, 200, 200, 200, 200),
            line(APPROVED,             "GET locales/en",                            401, 200, 200, 200, 200, 200),
            line(PUBLISHED,            "GET locales/en",                            401, 200, 200, 200, 200, 200),
            line(ARCHIVED,             "GET locales/en",                            401, 200, 200, 200, 200, 200),
            line(PUBLISHED_WITH_DRAFT, "GET locales/en",                            401, 200, 200, 200, 200, 200),
            line(DRAFT,                "GET locales/es",                            401, 200, 200, 200, 200, 200),
            line(DRAFT,                "GET locales/fr",                            401, 200, 200, 200, 200, 200),
            line(DRAFT,                "GET locales/de (no such translation)",      401, 404, 404, 404, 404, 404),

            line(DRAFT,                "PUT locales/en",                            401, 200, 403, 403, 403, 200),
            line(IN_REVIEW,            "PUT locales/en",                            401, 200, 403, 403, 403, 200),
            line(APPROVED,             "PUT locales/en",                            401, 200, 403, 403, 403, 200),
            line(PUBLISHED,            "PUT locales/en",                            401, 200, 403, 403, 403, 200),
            line(ARCHIVED,             "PUT locales/en",                            401, 200, 403, 403, 403, 200),
            line(PUBLISHED_WITH_DRAFT, "PUT locales/en",                            401, 200, 403, 403, 403, 200),
            line(DRAFT,                "PUT locales/en without If-Match",           401, 428, 403, 403, 403, 428),
            line(PUBLISHED_WITH_DRAFT, "PUT locales/en without If-Match",           401, 428, 403, 403, 403, 428),
            line(PUBLISHED_WITH_DRAFT, "PUT locales/en with a stale If-Match",      401, 412, 403, 403, 403, 412),
            line(DRAFT,                "PUT locales/es (translator's locale)",      401, 200, 200, 403, 403, 200),
            line(DRAFT,                "PUT locales/fr (not the translator's)",     401, 200, 403, 403, 403, 200),
            line(PUBLISHED,            "PUT locales/es (translator's locale)",      401, 200, 200, 403, 403, 200),
            line(PUBLISHED,            "PUT locales/fr (not the translator's)",     401, 200, 403, 403, 403, 200),
            line(DRAFT,                "PUT locales/de (new, translator's)",        401, 201, 201, 403, 403, 201),
            line(DRAFT,                "PUT locales/ar (new, not translator's)",    401, 201, 403, 403, 403, 201),

            line(DRAFT,                "GET revisions",                             401, 200, 200, 200, 200, 200),
            line(IN_REVIEW,            "GET revisions",                             401, 200, 200, 200, 200, 200),
            line(APPROVED,             "GET revisions",                             401, 200, 200, 200, 200, 200),
            line(PUBLISHED,            "GET revisions",                             401, 200, 200, 200, 200, 200),
            line(ARCHIVED,             "GET revisions",                             401, 200, 200, 200, 200, 200),
            line(PUBLISHED_WITH_DRAFT, "GET revisions",                             401, 200, 200, 200, 200, 200),
            line(DRAFT,                "GET revisions/1",                           401, 200, 200, 200, 200, 200),
            line(IN_REVIEW,            "GET revisions/1",                           401, 200, 200, 200, 200, 200),
            line(APPROVED,             "GET revisions/1",                           401, 200, 200, 200, 200, 200),
            line(PUBLISHED,            "GET revisions/1",                           401, 200, 200, 200, 200, 200),
            line(ARCHIVED,             "GET revisions/1",                           401, 200, 200, 200, 200, 200),
            line(PUBLISHED_WITH_DRAFT, "GET revisions/1",                           401, 200, 200, 200, 200, 200),
            line(PUBLISHED_WITH_DRAFT, "GET revisions/2",                           401, 200, 200, 200, 200, 200),
            line(DRAFT,                "GET revisions/99",                          401, 404, 404, 404, 404, 404),
            line(DRAFT,                "GET diff",                                  401, 200, 200, 200, 200, 200),
            line(PUBLISHED,            "GET diff",                                  401, 200, 200, 200, 200, 200),
            line(ARCHIVED,             "GET diff",                                  401, 200, 200, 200, 200, 200),
            line(PUBLISHED_WITH_DRAFT, "GET diff",                                  401, 200, 200, 200, 200, 200),
            line(DRAFT,                "GET diff without to",                       401, 400, 400, 400, 400, 400),

            line(DRAFT,                "POST transitions submit",                   401, 200, 403, 403, 403, 200),
            line(IN_REVIEW,            "POST transitions submit",                   401, 409, 403, 403, 403, 409),
            line(APPROVED,             "POST transitions submit",                   401, 409, 403, 403, 403, 409),
            line(PUBLISHED,            "POST transitions submit",                   401, 409, 403, 403, 403, 409),
            line(ARCHIVED,             "POST transitions submit",                   401, 409, 403, 403, 403, 409),
            line(PUBLISHED_WITH_DRAFT, "POST transitions submit",                   401, 200, 403, 403, 403, 200),
            line(DRAFT,                "POST transitions submit es",                401, 200, 200, 403, 403, 200),
            line(DRAFT,                "POST transitions submit fr",                401, 200, 403, 403, 403, 200),
            line(DRAFT,                "POST transitions submit de (no such)",      401, 404, 404, 404, 404, 404),
            line(DRAFT,                "POST transitions submit, seen r99",         401, 409, 403, 403, 403, 409),

            line(DRAFT,                "POST transitions approve",                  401, 403, 403, 409, 403, 409),
            line(IN_REVIEW,            "POST transitions approve",                  401, 403, 403, 200, 403, 200),
            line(APPROVED,             "POST transitions approve",                  401, 403, 403, 409, 403, 409),
            line(PUBLISHED,            "POST transitions approve",                  401, 403, 403, 409, 403, 409),
            line(ARCHIVED,             "POST transitions approve",                  401, 403, 403, 409, 403, 409),
            line(PUBLISHED_WITH_DRAFT, "POST transitions approve",                  401, 403, 403, 409, 403, 409),
            line(IN_REVIEW,            "POST transitions approve without checklist", 401, 403, 403, 400, 403, 400),

            line(DRAFT,                "POST transitions reject",                   401, 403, 403, 409, 403, 409),
            line(IN_REVIEW,            "POST transitions reject",                   401, 403, 403, 200, 403, 200),
            line(APPROVED,             "POST transitions reject",                   401, 403, 403, 409, 403, 409),
            line(PUBLISHED,            "POST transitions reject",                   401, 403, 403, 200, 403, 200),
            line(ARCHIVED,             "POST transitions reject",                   401, 403, 403, 409, 403, 409),
            line(PUBLISHED_WITH_DRAFT, "POST transitions reject",                   401, 403, 403, 409, 403, 409),
            line(IN_REVIEW,            "POST transitions reject without comment",   401, 403, 403, 400, 403, 400),

            line(DRAFT,                "POST transitions publish",                  401, 403, 403, 403, 409, 409),
            line(IN_REVIEW,            "POST transitions publish",                  401, 403, 403, 403, 409, 409),
            line(APPROVED,             "POST transitions publish",                  401, 403, 403, 403, 200, 200),
            line(PUBLISHED,            "POST transitions publish",                  401, 403, 403, 403, 409, 409),
            line(ARCHIVED,             "POST transitions publish",                  401, 403, 403, 403, 409, 409),
            line(PUBLISHED_WITH_DRAFT, "POST transitions publish",                  401, 403, 403, 403, 409, 409),
            line(DRAFT,                "POST transitions publish tomorrow",         401, 403, 403, 403, 409, 409),
            line(APPROVED,             "POST transitions publish tomorrow",         401, 403, 403, 403, 200, 200),

            line(DRAFT,                "POST transitions unpublish",                401, 403, 403, 403, 409, 409),
            line(IN_REVIEW,            "POST transitions unpublish",                401, 403, 403, 403, 409, 409),
            line(APPROVED,             "POST transitions unpublish",                401, 403, 403, 403, 409, 409),
            line(PUBLISHED,            "POST transitions unpublish",                401, 403, 403, 403, 200, 200),
            line(ARCHIVED,             "POST transitions unpublish",                401, 403, 403, 403, 409, 409),
            line(PUBLISHED_WITH_DRAFT, "POST transitions unpublish",                401, 403, 403, 403, 200, 200),

            line(DRAFT,                "POST transitions archive",                  401, 403, 403, 403, 200, 200),
            line(IN_REVIEW,            "POST transitions archive",                  401, 403, 403, 403, 200, 200),
            line(APPROVED,             "POST transitions archive",                  401, 403, 403, 403, 200, 200),
            line(PUBLISHED,            "POST transitions archive",                  401, 403, 403, 403, 200, 200),
            line(ARCHIVED,             "POST transitions archive",                  401, 403, 403, 403, 409, 409),
            line(PUBLISHED_WITH_DRAFT, "POST transitions archive",                  401, 403, 403, 403, 200, 200),

            line(DRAFT,                "POST transitions reapprove",                401, 403, 403, 409, 403, 409),
            line(IN_REVIEW,            "POST transitions reapprove",                401, 403, 403, 409, 403, 409),
            line(APPROVED,             "POST transitions reapprove",                401, 403, 403, 409, 403, 409),
            line(PUBLISHED,            "POST transitions reapprove",                401, 403, 403, 200, 403, 200),
            line(ARCHIVED,             "POST transitions reapprove",                401, 403, 403, 409, 403, 409),
            line(PUBLISHED_WITH_DRAFT, "POST transitions reapprove",                401, 403, 403, 200, 403, 200),

            line(DRAFT,                "POST transitions restore",                  401, 403, 403, 403, 409, 409),
            line(PUBLISHED,            "POST transitions restore",                  401, 403, 403, 403, 409, 409),
            line(ARCHIVED,             "POST transitions restore",                  401, 403, 403, 403, 200, 200),
            line(APPROVED,             "DELETE schedule (nothing scheduled)",       401, 403, 403, 403, 409, 409),

            line(DRAFT,                "POST transitions fly (no such action)",     401, 400, 400, 400, 400, 400),

            line(DRAFT,                "GET history",                               401, 200, 200, 200, 200, 200),
            line(IN_REVIEW,            "GET history",                               401, 200, 200, 200, 200, 200),
            line(APPROVED,             "GET history",                               401, 200, 200, 200, 200, 200),
            line(PUBLISHED,            "GET history",                               401, 200, 200, 200, 200, 200),
            line(ARCHIVED,             "GET history",                               401, 200, 200, 200, 200, 200),
            line(PUBLISHED_WITH_DRAFT, "GET history",                               401, 200, 200, 200, 200, 200),

            line(DRAFT,                "PUT assignment to reviewer",                401, 403, 403, 200, 200, 200),
            line(IN_REVIEW,            "PUT assignment to reviewer",                401, 403, 403, 200, 200, 200),
            line(APPROVED,             "PUT assignment to reviewer",                401, 403, 403, 200, 200, 200),
            line(PUBLISHED,            "PUT assignment to reviewer",                401, 403, 403, 200, 200, 200),
            line(ARCHIVED,             "PUT assignment to reviewer",                401, 403, 403, 200, 200, 200),
            line(PUBLISHED_WITH_DRAFT, "PUT assignment to reviewer",                401, 403, 403, 200, 200, 200),
            line(IN_REVIEW,            "PUT assignment to nobody",                  401, 403, 403, 403, 200, 200),

            line(DRAFT,                "GET revisions/1/comments",                  401, 200, 200, 200, 200, 200),
            line(IN_REVIEW,            "GET revisions/1/comments",                  401, 200, 200, 200, 200, 200),
            line(APPROVED,             "GET revisions/1/comments",                  401, 200, 200, 200, 200, 200),
            line(PUBLISHED,            "GET revisions/1/comments",                  401, 200, 200, 200, 200, 200),
            line(ARCHIVED,             "GET revisions/1/comments",                  401, 200, 200, 200, 200, 200),
            line(PUBLISHED_WITH_DRAFT, "GET revisions/1/comments",                  401, 200, 200, 200, 200, 200),
            line(DRAFT,                "POST revisions/1/comments",                 401, 201, 201, 201, 201, 201),
            line(IN_REVIEW,            "POST revisions/1/comments",                 401, 201, 201, 201, 201, 201),
            line(APPROVED,             "POST revisions/1/comments",                 401, 201, 201, 201, 201, 201),
            line(PUBLISHED,            "POST revisions/1/comments",                 401, 201, 201, 201, 201, 201),
            line(ARCHIVED,             "POST revisions/1/comments",                 401, 201, 201, 201, 201, 201),
            line(PUBLISHED_WITH_DRAFT, "POST revisions/1/comments",                 401, 201, 201, 201, 201, 201),
            line(DRAFT,                "POST revisions/1/comments without text",    401, 400, 400, 400, 400, 400),
            line(DRAFT,                "POST revisions/99/comments",                401, 404, 404, 404, 404, 404),

            line(DRAFT,                "POST revisions/1/preview-link",             401, 403, 403, 201, 201, 201),
            line(IN_REVIEW,            "POST revisions/1/preview-link",             401, 403, 403, 201, 201, 201),
            line(APPROVED,             "POST revisions/1/preview-link",             401, 403, 403, 201, 201, 201),
            line(PUBLISHED,            "POST revisions/1/preview-link",             401, 403, 403, 201, 201, 201),
            line(ARCHIVED,             "POST revisions/1/preview-link",             401, 403, 403, 201, 201, 201),
            line(PUBLISHED_WITH_DRAFT, "POST revisions/2/preview-link",             401, 403, 403, 201, 201, 201),
            line(DRAFT,                "POST revisions/99/preview-link",            401, 403, 403, 404, 404, 404));

    /** What each request of the table sends, against the article of the row's state. */
    private static final Map<String, Request> REQUESTS = requests(
            looks("POST articles", (api, a) -> api.post("/api/articles", article(unique("authz-new")))),
            looks("POST import", (api, a) -> api.post("/api/import?locale=en", "text/markdown",
                    "# Imported " + unique("authz") + "\n\nA paragraph.")),
            looks("POST import into xx (no such locale)", (api, a) -> api.post("/api/import?locale=xx", "text/markdown",
                    "# Imported " + unique("authz") + "\n\nA paragraph.")),
            looks("GET articles", (api, a) -> api.get("/api/articles")),
            looks("GET articles?state=draft", (api, a) -> api.get("/api/articles?state=draft&locale=en&limit=5")),
            looks("GET articles?state=bogus", (api, a) -> api.get("/api/articles?state=bogus")),
            looks("GET workflow/checklist", (api, a) -> api.get("/api/workflow/checklist")),
            looks("GET reviews/due", (api, a) -> api.get("/api/reviews/due")),
            looks("GET an article that never existed", (api, a) -> api.get("/api/articles/99999999999")),
            changes("POST media", (api, a) -> MediaLibraryTests.upload(api, anImage(), "a.png", "image/png", "en", "An image")),
            looks("GET media", (api, a) -> api.get("/api/media?limit=5")),
            looks("GET media/{id}", (api, a) -> api.get("/api/media/" + sharedImage())),
            looks("PUT media texts es (translator's locale)", (api, a) -> api.put("/api/media/" + sharedImage() + "/locales/es",
                    Map.of("alt", "Una imagen"), null)),
            looks("PUT media texts fr (not the translator's)", (api, a) -> api.put("/api/media/" + sharedImage() + "/locales/fr",
                    Map.of("alt", "Une image"), null)),
            changes("DELETE media (shown by no article)", (api, a) -> api.send(api.request("/api/media/" + newImage()).DELETE())),

            looks("GET article", (api, a) -> api.get(a.path())),
            looks("POST statements", (api, a) -> api.post("/api/statements", article(unique("authz-statement")))),
            looks("GET statements", (api, a) -> api.get("/api/statements")),
            looks("GET reports/contradictions", (api, a) -> api.get("/api/reports/contradictions")),
            looks("GET claim-checks", (api, a) -> api.get(a.locale("en") + "/claim-checks")),
            looks("GET locales/en", (api, a) -> api.get(a.locale("en"))),
            looks("GET locales/es", (api, a) -> api.get(a.locale("es"))),
            looks("GET locales/fr", (api, a) -> api.get(a.locale("fr"))),
            looks("GET locales/de (no such translation)", (api, a) -> api.get(a.locale("de"))),
            changes("PUT locales/en", (api, a) -> api.put(a.locale("en"), edit(a, "en"), tag(a.current()))),
            changes("PUT locales/en without If-Match", (api, a) -> api.put(a.locale("en"), edit(a, "en"), null)),
            changes("PUT locales/en with a stale If-Match", (api, a) -> api.put(a.locale("en"), edit(a, "en"),
                    tag(a.current() - 1))),
            changes("PUT locales/es (translator's locale)", (api, a) -> api.put(a.locale("es"), edit(a, "es"), tag(1))),
            changes("PUT locales/fr (not the translator's)", (api, a) -> api.put(a.locale("fr"), edit(a, "fr"), tag(1))),
            changes("PUT locales/de (new, translator's)", (api, a) -> api.put(a.locale("de"),
                    StateFixtures.edit(unique("neu"), "neu"), null)),
            changes("PUT locales/ar (new, not translator's)", (api, a) -> api.put(a.locale("ar"),
                    StateFixtures.edit(unique("jadid"), "jadid"), null)),

            looks("GET revisions", (api, a) -> api.get(a.locale("en") + "/revisions")),
            looks("GET revisions/1", (api, a) -> api.get(a.locale("en") + "/revisions/1")),
            looks("GET revisions/2", (api, a) -> api.get(a.locale("en") + "/revisions/2")),
            looks("GET revisions/99", (api, a) -> api.get(a.locale("en") + "/revisions/99")),
            looks("GET diff", (api, a) -> api.get(a.locale("en") + "/diff?from=1&to=" + a.current())),
            looks("GET diff without to", (api, a) -> api.get(a.locale("en") + "/diff?from=1")),

            changes("POST transitions submit", transition("en", step("submit"))),
            changes("POST transitions submit es", transition("es", step("submit"))),
            changes("POST transitions submit fr", transition("fr", step("submit"))),
            changes("POST transitions submit de (no such)", transition("de", step("submit"))),
            changes("POST transitions submit, seen r99", transition("en", Fixtures.with(step("submit"), "revision", 99))),
            changes("POST transitions approve", transition("en", signOff("approve"))),
            changes("POST transitions approve without checklist", transition("en", step("approve"))),
            changes("POST transitions reject", transition("en", step("reject", "Cite the current guideline."))),
            changes("POST transitions reject without comment", transition("en", step("reject"))),
            changes("POST transitions publish", transition("en", step("publish"))),
            changes("POST transitions publish tomorrow", transition("en", Fixtures.with(step("publish"), "publishAt",
                    OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()))),
            changes("POST transitions unpublish", transition("en", step("unpublish"))),
            changes("POST transitions archive", transition("en", step("archive"))),
            changes("POST transitions reapprove", transition("en", signOff("reapprove"))),
            changes("POST transitions restore", transition("en", step("restore"))),
            changes("DELETE schedule (nothing scheduled)", (api, a) -> api.send(api.request(a.locale("en") + "/schedule")
                    .DELETE())),
            changes("POST transitions fly (no such action)", transition("en", step("fly"))),

            looks("GET history", (api, a) -> api.get(a.locale("en") + "/history")),
            looks("PUT assignment to reviewer", (api, a) -> api.put(a.locale("en") + "/assignment",
                    Map.of("reviewer", "reviewer"), null)),
            looks("PUT assignment to nobody", (api, a) -> api.put(a.locale("en") + "/assignment",
                    "{\"reviewer\": null}", null)),
            looks("GET revisions/1/comments", (api, a) -> api.get(a.locale("en") + "/revisions/1/comments")),
            looks("POST revisions/1/comments", (api, a) -> api.post(a.locale("en") + "/revisions/1/comments",
                    Map.of("text", "Please check the dose."))),
            looks("POST revisions/1/comments without text", (api, a) -> api.post(a.locale("en") + "/revisions/1/comments",
                    Map.of("text", " "))),
            looks("POST revisions/99/comments", (api, a) -> api.post(a.locale("en") + "/revisions/99/comments",
                    Map.of("text", "Please check the dose."))),
            looks("POST revisions/1/preview-link", (api, a) -> api.post(a.locale("en") + "/revisions/1/preview-link",
                    Map.of())),
            looks("POST revisions/2/preview-link", (api, a) -> api.post(a.locale("en") + "/revisions/2/preview-link",
                    Map.of())),
            looks("POST revisions/99/preview-link", (api, a) -> api.post(a.locale("en") + "/revisions/99/preview-link",
                    Map.of())));

    private static final Map<String, Api> APIS = Map.of(
            "anonymous", Api.anonymous(), "author", Api.as("author"), "translator", Api.as("translator"),
            "reviewer", Api.as("reviewer"), "editor", Api.as("editor"), "admin", Api.as("admin"));

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEachCallerInEachStateAsTheTableSays() {
        return rows().map(row -> dynamicTest(row.name(), () -> check(row)));
    }

    /** Every cell of the table. */
    static Stream<Row> rows() {
        return TABLE.stream().flatMap(line -> IntStream.range(0, CALLERS.size())
                .mapToObj(i -> new Row(CALLERS.get(i), line.state(), line.request(), line.statuses()[i])));
    }

    /** The caller of that name: anonymous, or signed in as the demo user. */
    static Api api(String caller) {
        return APIS.get(caller);
    }

    private static void check(Row row) {
        Request request = REQUESTS.get(row.request());
        boolean succeeds = row.status() < 300;
        Fixture article = row.state() == null ? null
                : request.changes() && succeeds ? StateFixtures.fresh(row.state()) : StateFixtures.shared(row.state());
        boolean checkUnchanged = article != null && request.changes() && !succeeds;
        String before = checkUnchanged ? StateFixtures.snapshot(article.id()) : null;

        Api.Reply reply = request.send().apply(api(row.caller()), article);

        assertEquals(row.status(), reply.status(), () -> row.name() + ": " + reply);
        if (!succeeds) {
            assertTrue(reply.header("Content-Type").orElse("").startsWith("application/problem+json"),
                    () -> row.name() + ": not a problem: " + reply.response().headers());
            if (checkUnchanged) {
                assertEquals(before, StateFixtures.snapshot(article.id()), () -> row.name() + ": changed the article");
            }
        }
    }

    private record Request(String name, boolean changes, BiFunction<Api, Fixture, Api.Reply> send) {
    }

    private static Line line(State state, String request, int... statuses) {
        return new Line(state, request, statuses);
    }

    private static Line line(String request, int... statuses) {
        return new Line(null, request, statuses);
    }

    private static Request looks(String name, BiFunction<Api, Fixture, Api.Reply> send) {
        return new Request(name, false, send);
    }

    private static Request changes(String name, BiFunction<Api, Fixture, Api.Reply> send) {
        return new Request(name, true, send);
    }

    private static Map<String, Request> requests(Request... requests) {
        Map<String, Request> byName = new LinkedHashMap<>();
        for (Request request : requests) {
            byName.put(request.name(), request);
        }
        for (Line line : TABLE) {
            if (!byName.containsKey(line.request()) || line.statuses().length != CALLERS.size()) {
                throw new IllegalStateException("The table's line for '" + line.request() + "' names no request"
                        + " or has not one status per caller");
            }
        }
        return byName;
    }

    private static Long shared;

    /** An image of the library that the rows which only read or write texts share. */
    private static synchronized long sharedImage() {
        if (shared == null) {
            shared = newImage();
        }
        return shared;
    }

    private static long newImage() {
        var uploaded = MediaLibraryTests.upload(Api.as("author"), anImage(), "a.png", "image/png", "en", "An image");
        assertEquals(201, uploaded.status(), uploaded::toString);
        return uploaded.json().get("id").asLong();
    }

    /** A PNG no upload had before, so that it makes a new item. */
    private static byte[] anImage() {
        try {
            return MediaLibraryTests.png(40, 30, new java.util.Random().nextInt());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BiFunction<Api, Fixture, Api.Reply> transition(String locale, Map<String, Object> step) {
        return (api, a) -> Workflow.take(api, a.locale(locale), step);
    }

    private static Map<String, Object> edit(Fixture article, String locale) {
        return StateFixtures.edit(article.slug(locale), "edited");
    }

    private static String tag(int revision) {
        return "\"r" + revision + "\"";
    }
}
