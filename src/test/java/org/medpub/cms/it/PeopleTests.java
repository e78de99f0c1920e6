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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 on PostgreSQL: who wrote and checked an article (bylines linked to public profiles,
 * credentials in the reader's language), the people pages, the disclosure and the audience, and
 * what the JSON-LD says of them. The demo author (alex-author) and reviewer (rana-reviewer) have
 * public profiles; the tests that change a profile use the editor's, which no article names.
 */
abstract class PeopleTests {

    final Api author = Api.as("author");
    final Api admin = Api.as("admin");
    final Api reader = Api.anonymous();

    @Test
    void anArticleNamesItsAuthorAndReviewerLinkedToTheirProfilesInTheReadersLanguage() {
        String slug = unique("byline");
        String spanishSlug = unique("autoria");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        Workflow.publish(author, article + "/locales/en");
        author.put(article + "/locales/es", with(edit(spanishSlug, "## Qué es\n\nUn dolor de cabeza.", "es"),
                "title", "Vivir con migraña"), null);
        Workflow.publish(author, article + "/locales/es");

        String english = page("/en/articles/" + slug);
        assertTrue(english.contains("<p class=\"byline\" lang=\"en\" dir=\"ltr\">Written by <a href=\"/en/people/alex-author\">"
                + "Alex Author</a>, Medical writer</p>"), english);
        assertTrue(english.contains("Medically reviewed by <a href=\"/en/people/rana-reviewer\">Dr. Rana Reviewer</a>,"
                + " MD, internal medicine, on "), english);

        String spanish = page("/es/articles/" + spanishSlug);
        assertTrue(spanish.contains("Escrito por <a href=\"/es/people/alex-author\">Alex Author</a>, Redactor médico"), spanish);
        assertTrue(spanish.contains("Revisión médica de <a href=\"/es/people/rana-reviewer\">Dr. Rana Reviewer</a>,"
                + " Médica, medicina interna, el "), spanish);
        assertFalse(spanish.contains("internal medicine"), "no English credentials in a Spanish sentence");

        // the author wrote no German credentials: the English ones are shown, marked as English
        String german = page("/de/articles/" + slug);
        assertTrue(german.contains("Verfasst von <a href=\"/de/people/alex-author\">Alex Author</a>,"
                + " <span lang=\"en\" dir=\"ltr\">Medical writer</span>"), german);
        assertTrue(german.contains("<a href=\"/de/people/rana-reviewer\">Dr. Rana Reviewer</a>, Ärztin, Innere Medizin, am "), german);
    }

    @Test
    void thePeoplePageShowsCredentialsAndBioInTheReadersLanguage() {
        var spanish = reader.get("/es/people/rana-reviewer");
        assertEquals(200, spanish.status(), spanish::toString);
        assertTrue(spanish.body().contains("<h1>Dr. Rana Reviewer</h1>"), spanish::body);
        assertTrue(spanish.body().contains("<p class=\"credentials\">Médica, medicina interna</p>"), spanish::body);
        assertTrue(spanish.body().contains("Rana es médica especialista en medicina interna."), spanish::body);

        String english = page("/en/people/rana-reviewer");
        assertTrue(english.contains("<p class=\"credentials\">MD, internal medicine</p>"), english);

        String arabic = page("/ar/people/rana-reviewer");
        assertTrue(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"), arabic);
        assertTrue(arabic.contains("طبيبة، الطب الباطني"), arabic);

        // the author has no French bio: the English one, marked as English
        String french = page("/fr/people/alex-author");
        assertTrue(french.contains("<p class=\"bio\" lang=\"en\" dir=\"ltr\">Alex writes about headaches and sleep.</p>"), french);
    }

    @Test
    void aProfileThatIsNotPublicIsNotFoundAndUnpublishedArticlesNeverShowOnAPeoplePage() {
        String slug = unique("eddie");
        var hidden = admin.put("/api/users/editor/profile", Map.of("slug", slug, "visible", false), null);
        assertEquals(200, hidden.status(), hidden::toString);
        var notFound = reader.get("/en/people/" + slug);
        assertEquals(404, notFound.status());
        assertEquals(reader.get("/en/people/" + unique("nobody")).body(), notFound.body(), "the same page as any unknown address");

        var shown = Api.as("editor").put("/api/users/editor/profile", Map.of("slug", slug, "visible", true), null);
        assertEquals(200, shown.status(), "a user sets their own profile: " + shown);
        var texts = admin.put("/api/users/editor/profile/locales/es", Map.of("credentials", "Editor médico", "bio", "Edita."), null);
        assertEquals(200, texts.status(), texts::toString);
        assertEquals("Editor médico", texts.json().get("locales").get("es").get("credentials").asText());
        assertTrue(page("/es/people/" + slug).contains("Editor médico"));
        assertEquals(200, admin.put("/api/users/editor/profile", Map.of("slug", slug, "visible", false), null).status());
        assertEquals(404, reader.get("/es/people/" + slug).status(), "hidden again");

        // bad input is a problem, never a 500
        var badSlug = admin.put("/api/users/editor/profile", Map.of("slug", "Not A Slug", "visible", true), null);
        assertEquals(400, badSlug.status(), badSlug::toString);
        assertTrue(badSlug.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals("slug", badSlug.json().get("errors").get(0).get("field").asText(), badSlug::toString);
        var taken = admin.put("/api/users/editor/profile", Map.of("slug", "rana-reviewer", "visible", false), null);
        assertEquals(409, taken.status(), taken::toString);
        assertEquals(403, author.put("/api/users/editor/profile", Map.of("slug", slug, "visible", true), null).status());
        assertEquals(404, admin.put("/api/users/" + unique("nobody") + "/profile", Map.of("visible", false), null).status());
        assertEquals(404, admin.put("/api/users/editor/profile/locales/xx", Map.of("bio", "x"), null).status());
        var tooLong = admin.put("/api/users/editor/profile/locales/en", Map.of("credentials", "x".repeat(301)), null);
        assertEquals(400, tooLong.status(), tooLong::toString);

        // a draft, an approved but unpublished revision and a published one by the same author and reviewer
        String draft = unique("draft-by");
        author.post("/api/articles", article(draft));
        String approved = unique("approved-by");
        String approvedPath = RevisionApiTests.path(author.post("/api/articles", article(approved))) + "/locales/en";
        assertEquals(200, take(author, approvedPath, step("submit")).status());
        assertEquals(200, take(Api.as("reviewer"), approvedPath, signOff("approve")).status());
        String live = unique("live-by");
        Workflow.publish(author, RevisionApiTests.path(author.post("/api/articles", article(live))) + "/locales/en");

        for (String person : List.of("alex-author", "rana-reviewer")) {
            String people = page("/en/people/" + person);
            assertTrue(people.contains("href=\"/en/articles/" + live + "\""), people);
            assertFalse(people.contains(draft) || people.contains(approved), "nothing unpublished: " + people);
        }
    }

    @Test
    void everyReaderPageLinksTheDisclosureAndAnArticleShowsItsOwnAndItsAudience() {
        String slug = unique("disclosed");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        Workflow.publish(author, article + "/locales/en");
        for (String path : List.of("/en/", "/en/articles/" + slug, "/en/search?q=migraine", "/en/people/alex-author",
                "/en/about/disclosure", "/en/" + unique("nowhere"))) {
            String html = reader.get(path).body();
            assertTrue(html.contains("<a href=\"/en/about/disclosure\">Who we are, how we are funded and our editorial policy</a>"),
                    path + ": " + html);
        }
        String disclosure = page("/es/about/disclosure");
        assertTrue(disclosure.contains("<h2 id=\"funding\">Cómo nos financiamos</h2>"), disclosure);

        var set = author.put(article + "/locales/en/disclosure",
                Map.of("disclosure", "The author received speaker fees from Example Pharma."), null);
        assertEquals(200, set.status(), set::toString);
        assertEquals(200, author.put(article + "/audience", Map.of("audience", "patients"), null).status());
        String html = page("/en/articles/" + slug);
        assertTrue(html.contains("<p lang=\"en\" dir=\"ltr\">The author received speaker fees from Example Pharma.</p>"), html);
        assertTrue(html.contains("<p class=\"audience\" lang=\"en\" dir=\"ltr\">Written for patients and carers</p>"), html);
        // shown in Spanish readers' fallback too, marked as English
        String spanish = page("/es/articles/" + slug);
        assertTrue(spanish.contains("Escrito para pacientes y cuidadores"), spanish);
        assertTrue(spanish.contains("<h2 id=\"disclosure\">Declaración</h2>"), spanish);

        var bad = author.put(article + "/audience", Map.of("audience", "everyone"), null);
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("audience", bad.json().get("errors").get(0).get("field").asText());
        assertEquals(403, Api.as("translator").put(article + "/locales/en/disclosure", Map.of("disclosure", "x"), null).status());
        assertEquals(400, author.put(article + "/locales/en/disclosure", Map.of("disclosure", "x".repeat(4001)), null).status());
        assertEquals("patients", author.get(article + "/audience").json().get("audience").asText());
    }

    @Test
    void theStructuredDataNamesAuthorReviewerCitationsLanguageAndAudience() {
        String slug = unique("jsonld");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        assertEquals(200, author.put(article + "/audience", Map.of("audience", "professionals"), null).status());
        Workflow.publish(author, article + "/locales/en");

        JsonNode data = SchemaOrg.jsonLd(page("/en/articles/" + slug));
        assertEquals("https://schema.org", data.get("@context").asText());
        assertEquals("MedicalWebPage", data.get("@type").asText());
        assertEquals("en", data.get("inLanguage").asText());
        Instant.parse(data.get("dateModified").asText());
        JsonNode author = data.get("author").get(0);
        assertEquals("Person", author.get("@type").asText());
        assertEquals("Alex Author", author.get("name").asText());
        assertEquals(Api.siteBase().resolve("/en/people/alex-author").toString(), author.get("url").asText());
        assertEquals("Medical writer", author.get("jobTitle").asText());
        JsonNode reviewer = data.get("reviewedBy");
        assertEquals("Person", reviewer.get("@type").asText());
        assertEquals(Api.siteBase().resolve("/en/people/rana-reviewer").toString(), reviewer.get("url").asText());
        assertEquals("MD, internal medicine", reviewer.get("jobTitle").asText());
        JsonNode citation = data.get("citation").get(0);
        assertEquals("CreativeWork", citation.get("@type").asText());
        assertEquals("https://doi.org/10.1000/migraine.2024", citation.get("url").asText());
        Map<String, String> identifiers = new HashMap<>();
        for (JsonNode identifier : citation.get("identifier")) {
            assertEquals("PropertyValue", identifier.get("@type").asText());
            identifiers.put(identifier.get("propertyID").asText(), identifier.get("value").asText());
        }
        assertEquals(Map.of("DOI", "10.1000/migraine.2024", "PMID", "12345678"), identifiers);
        assertEquals("MedicalAudience", data.get("audience").get("@type").asText());
        assertEquals("Clinician", data.get("audience").get("audienceType").asText());
        assertEquals("Thing", data.get("about").get(0).get("@type").asText());
        assertEquals("migraine", data.get("about").get(0).get("name").asText());
    }

    @Test
    void anAdminSetsAPublicProfileOnTheUsersPage() {
        String slug = unique("teresa");
        var admin = new AdminSession();
        admin.signIn("admin", "demo");
        String users = admin.get("/admin/users.xhtml").body();
        Matcher change = Pattern.compile("name=\"(users:accounts:\\d+:change)\"")
                .matcher(users.substring(users.indexOf("<td>translator</td>")));
        assertTrue(change.find(), users);
        admin.submit("users", Map.of(), change.group(1));
        assertTrue(admin.last.body().contains("Public profile of translator"), admin.last.body());
        // the enabled locales in order: en, es, de, fr, ar
        admin.submit("profile", Map.of("profile:slug", slug, "profile:visible", "true",
                "profile:texts:1:credentials", "Traductora médica", "profile:texts:1:bio", "Traduce guías clínicas."),
                "profile:save");
        assertTrue(admin.last.body().contains("Public profile of translator saved."), admin.last.body());
        String spanish = page("/es/people/" + slug);
        assertTrue(spanish.contains("<p class=\"credentials\">Traductora médica</p>"), spanish);
        assertTrue(spanish.contains("<h1>Teresa Translator</h1>"), spanish);

        admin.submit("profile", Map.of("profile:slug", "Not a slug"), "profile:save");
        assertEquals(200, reader.get("/es/people/" + slug).status(), "a refused change changes nothing");
        assertEquals(1, DatabaseRows.count("select count(*) from app_user where username = 'translator' and profile_slug = ?", slug));
        // unticked, the profile is hidden again
        var fields = admin.fields("profile");
        fields.put("profile:slug", slug);
        fields.remove("profile:visible");
        fields.put("profile:save", "pressed");
        admin.post("/admin/users.xhtml", fields);
        assertTrue(admin.last.body().contains("Public profile of translator saved."), admin.last.body());
        assertEquals(404, reader.get("/es/people/" + slug).status());
    }

    private String page(String path) {
        var reply = reader.get(path);
        assertEquals(200, reply.status(), () -> path + ": " + reply);
        return reply.body();
    }
}
