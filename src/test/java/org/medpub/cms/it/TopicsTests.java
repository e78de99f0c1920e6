package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Topics as a localized taxonomy: the API that names them per locale, the reader's topic pages
 * (paged, with breadcrumbs), an article's breadcrumbs, topic links and related articles, and that
 * none of it shows what is not published. The suite shows {@code cms.site.index-page-size=4} articles a page.
 */
abstract class TopicsTests {

    private static final int PAGE_SIZE = 4;
    private static final Pattern LIST_LINK = Pattern.compile("<ol class=\"results\">(.*?)</ol>", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("<a href=\"([^\"]+)\">([^<]+)</a>");
    private static final Pattern RELATED = Pattern.compile("<section class=\"related\"[^>]*>(.*?)</section>", Pattern.DOTALL);
    private static final Pattern BREADCRUMBS = Pattern.compile("<nav class=\"breadcrumbs\" aria-label=\"([^\"]+)\"><ol>(.*?)</ol></nav>");

    final Api author = Api.as("author");
    final Api editor = Api.as("editor");
    final Api translator = Api.as("translator");
    final Api reader = Api.anonymous();

    @Test
    void editorsAddAndNameTopicsAndTheTaxonomyListsThemPaged() {
        String key = unique("asthma");
        var created = editor.put("/api/topics/" + key + "/locales/en", Map.of("name", "Asthma " + key, "slug", key), null);
        assertEquals(201, created.status(), created::toString);
        assertEquals(key, created.json().get("key").asText());
        assertEquals("Asthma " + key, created.json().at("/locales/en/name").asText());

        var spanish = translator.put("/api/topics/" + key + "/locales/es", Map.of("name", "Asma " + key, "slug", "asma-" + key), null);
        assertEquals(200, spanish.status(), spanish::toString);
        assertEquals("asma-" + key, spanish.json().at("/locales/es/slug").asText());
        var renamed = editor.put("/api/topics/" + key + "/locales/en", Map.of("name", "Bronchial asthma " + key, "slug", key), null);
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals(2, DatabaseRows.count("select count(*) from topic_locale l join topic t on t.id = l.topic_id"
                + " where t.topic_key = ?", key));
        // the old name stays a term: revisions that name the topic by it keep naming it
        assertEquals(3, DatabaseRows.count("select count(*) from topic_term m join topic t on t.id = m.topic_id"
                + " where t.topic_key = ?", key));

        var all = reader.get("/api/topics");
        assertEquals(401, all.status(), "the taxonomy API is the editorial team's");
        var page = author.get("/api/topics?limit=1&after=" + key.substring(0, key.length() - 1));
        assertEquals(200, page.status(), page::toString);
        JsonNode item = page.json().get("items").get(0);
        assertEquals(key, item.get("key").asText(), page::toString);
        assertEquals("Bronchial asthma " + key, item.at("/locales/en/name").asText());
        assertEquals("Asma " + key, item.at("/locales/es/name").asText());
        assertEquals(1, page.json().get("items").size());
        if (!page.json().get("next").isNull()) {
            assertTrue(page.json().get("next").asText().startsWith("/api/topics?after=" + key), page::toString);
        }
        expectProblem(400, "invalid-input", author.get("/api/topics?limit=0"));
    }

    @Test
    void aRefusedNamingIsAProblemAndChangesNothing() {
        String key = unique("gout");
        String other = unique("lupus");
        assertEquals(201, editor.put("/api/topics/" + key + "/locales/en", Map.of("name", "Gout " + key, "slug", key), null).status());
        assertEquals(201, editor.put("/api/topics/" + other + "/locales/en", Map.of("name", "Lupus " + other, "slug", other), null).status());
        String rows = "select count(*) || ':' || coalesce(string_agg(l.locale || '=' || l.name || '/' || l.slug, ',' order by l.locale), '')"
                + " from topic_locale l join topic t on t.id = l.topic_id where t.topic_key = ?";
        String before = DatabaseRows.text(rows, key);
        long terms = DatabaseRows.count("select count(*) from topic_term");

        expectProblem(400, "invalid-input", editor.put("/api/topics/" + key + "/locales/en", Map.of("name", " ", "slug", key), null));
        expectProblem(400, "invalid-input", editor.put("/api/topics/" + key + "/locales/en", Map.of("name", "Gout", "slug", "Bad Slug!"), null));
        expectProblem(400, "invalid-input", editor.put("/api/topics/" + key + "/locales/en", Map.of("name", "x".repeat(61), "slug", key), null));
        expectProblem(409, "topic-slug-taken", editor.put("/api/topics/" + key + "/locales/en", Map.of("name", "Gout 2 " + key, "slug", other), null));
        expectProblem(409, "topic-name-taken", editor.put("/api/topics/" + key + "/locales/en", Map.of("name", "Lupus " + other, "slug", key), null));
        expectProblem(404, "not-found", editor.put("/api/topics/" + key + "/locales/xx", Map.of("name", "Gout", "slug", key), null));
        expectProblem(403, "forbidden", translator.put("/api/topics/" + key + "/locales/fr", Map.of("name", "Goutte", "slug", "goutte-" + key), null));
        expectProblem(403, "forbidden", author.put("/api/topics/" + key + "/locales/en", Map.of("name", "Gout!", "slug", key), null));
        String unknown = unique("unknown");
        expectProblem(403, "forbidden", translator.put("/api/topics/" + unknown + "/locales/en",
                Map.of("name", "New " + unknown, "slug", unknown), null));
        expectProblem(404, "not-found", editor.put("/api/topics/" + unknown + "/locales/es", Map.of("name", "Nuevo " + unknown, "slug", unknown), null));
        expectProblem(400, "invalid-input", editor.put("/api/topics/Not%20A%20Key/locales/en", Map.of("name", "Not a key " + unknown, "slug", unknown), null));

        assertEquals(before, DatabaseRows.text(rows, key));
        assertEquals(terms, DatabaseRows.count("select count(*) from topic_term"));
        assertEquals(0, DatabaseRows.count("select count(*) from topic where topic_key = ? or topic_key = 'Not A Key'", unknown));
    }

    @Test
    void aTopicPageListsItsPublishedArticlesPagedWithBreadcrumbsInEachLocale() {
        String key = unique("eczema");
        String term = "Eczema " + key;
        String spanishSlug = "eccema-" + key;
        assertEquals(201, editor.put("/api/topics/" + key + "/locales/en", Map.of("name", term, "slug", key), null).status());
        assertEquals(200, translator.put("/api/topics/" + key + "/locales/es", Map.of("name", "Eccema " + key, "slug", spanishSlug), null).status());
        List<String> titles = new ArrayList<>();
        List<String> articles = new ArrayList<>();
        for (int i = 1; i <= PAGE_SIZE + 1; i++) {
            String title = "Eczema article " + i + " " + key;
            articles.add(publishWith(unique("eczema"), title, List.of("itch", term)));
            titles.add(0, title);
        }
        var first = reader.get("/en/topics/" + key);
        assertEquals(200, first.status(), first::toString);
        int fullPage = statements(first);
        assertEquals(titles.subList(0, PAGE_SIZE), listedTitles(first.body()), "newest first");
        assertTrue(first.body().contains("<h1>" + term + "</h1>"), first::body);
        // the templates write the "=" of a query as &#61;, which browsers read as "="
        assertTrue(first.body().replace("&#61;", "=").contains("<link rel=\"next\" href=\""
                + Api.siteBase().resolve("/en/topics/" + key + "?page=2") + "\">"), first::body);
        var second = reader.get("/en/topics/" + key + "?page=2");
        assertEquals(200, second.status());
        assertEquals(titles.subList(PAGE_SIZE, PAGE_SIZE + 1), listedTitles(second.body()));
        assertEquals(404, reader.get("/en/topics/" + key + "?page=3").status());
        assertEquals(404, reader.get("/en/topics/" + key + "?page=0").status());
        assertEquals(404, reader.get("/en/topics/" + key + "?page=999999999999999999").status());
        var pageOne = reader.get("/en/topics/" + key + "?page=1");
        assertEquals(301, pageOne.status());
        assertEquals("/en/topics/" + key, pageOne.header("Location").orElseThrow());

        Matcher nav = BREADCRUMBS.matcher(first.body());
        assertTrue(nav.find(), first::body);
        assertEquals("Breadcrumb", nav.group(1));
        assertEquals("<li><a href=\"/en/\">Home</a></li><li><span aria-current=\"page\">" + term + "</span></li>", nav.group(2));
        JsonNode crumbs = SchemaOrg.jsonLd(first.body());
        assertEquals("https://schema.org", crumbs.get("@context").asText());
        assertEquals("BreadcrumbList", crumbs.get("@type").asText());
        assertEquals(2, crumbs.get("itemListElement").size());
        assertEquals(1, crumbs.at("/itemListElement/0/position").asInt());
        assertEquals(Api.siteBase().resolve("/en/").toString(), crumbs.at("/itemListElement/0/item").asText());
        assertEquals(term, crumbs.at("/itemListElement/1/name").asText());
        assertEquals(Api.siteBase().resolve("/en/topics/" + key).toString(), crumbs.at("/itemListElement/1/item").asText());

        // Spanish: only what is published in Spanish, under the topic's Spanish name and slug
        assertEquals(404, reader.get("/es/topics/" + spanishSlug).status(), "no article of the topic is published in Spanish yet");
        String spanishTitle = "Vivir con eccema " + key;
        String es = articles.get(0) + "/locales/es";
        assertEquals(201, author.put(es, with(with(edit(unique("eccema"), "## Qué es\n\nPicor.", "es"), "title", spanishTitle),
                "topics", List.of(term)), null).status());
        Workflow.publish(author, es);
        var spanish = reader.get("/es/topics/" + spanishSlug);
        assertEquals(200, spanish.status(), spanish::toString);
        assertTrue(spanish.body().startsWith("<!DOCTYPE html>\n<html lang=\"es\" dir=\"ltr\">"), spanish::body);
        assertEquals(List.of(spanishTitle), listedTitles(spanish.body()));
        int shortPage = statements(spanish);
        assertTrue(fullPage > 0 && fullPage <= 5 && shortPage <= 5,
                "a topic page is a few statements whatever its length: " + fullPage + " for four articles, " + shortPage + " for one");
        Matcher spanishNav = BREADCRUMBS.matcher(spanish.body());
        assertTrue(spanishNav.find());
        assertEquals("Ruta de navegación", spanishNav.group(1));
        assertTrue(spanishNav.group(2).startsWith("<li><a href=\"/es/\">Inicio</a></li>"), spanishNav::group);
        assertEquals(404, reader.get("/es/topics/" + key).status(), "the English slug is not the Spanish one");

        var arabic = reader.get("/ar/topics/" + key);
        assertEquals(404, arabic.status(), "no Arabic name: no Arabic page");
        assertTrue(arabic.body().contains("dir=\"rtl\""), arabic::body);
    }

    @Test
    void anArticleShowsBreadcrumbsItsTopicsAndRelatedArticlesNewestFirst() {
        String key = unique("psoriasis");
        String term = "Psoriasis " + key;
        assertEquals(201, editor.put("/api/topics/" + key + "/locales/en", Map.of("name", term, "slug", key), null).status());
        List<String> slugs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String slug = unique("psoriasis");
            slugs.add(slug);
            titles.add("Psoriasis article " + i + " " + key);
            publishWith(slug, titles.get(i - 1), List.of(term));
        }
        String unrelated = unique("unrelated");
        publishWith(unrelated, "Unrelated " + key, List.of(unique("other")));

        var page = reader.get("/en/articles/" + slugs.get(0));
        assertEquals(200, page.status(), page::toString);
        Matcher nav = BREADCRUMBS.matcher(page.body());
        assertTrue(nav.find(), page::body);
        assertEquals("<li><a href=\"/en/\">Home</a></li><li><a href=\"/en/topics/" + key + "\">" + term + "</a></li>"
                + "<li><span aria-current=\"page\">" + titles.get(0) + "</span></li>", nav.group(2));
        assertTrue(page.body().contains("<a href=\"/en/topics/" + key + "\" lang=\"en\">" + term + "</a>"), page::body);
        Matcher related = RELATED.matcher(page.body());
        assertTrue(related.find(), page::body);
        assertTrue(related.group(1).contains("<h2 id=\"related\">Related articles</h2>"), related::group);
        assertEquals(List.of(titles.get(5), titles.get(4), titles.get(3), titles.get(2)), titles(related.group(1)),
                "the four newest that share a topic, not the page's own article");

        JsonNode data = SchemaOrg.jsonLd(page.body());
        assertEquals("MedicalWebPage", data.get("@type").asText());
        JsonNode crumbs = data.get("breadcrumb");
        assertEquals("BreadcrumbList", crumbs.get("@type").asText());
        assertEquals(3, crumbs.get("itemListElement").size());
        for (int i = 0; i < 3; i++) {
            assertEquals("ListItem", crumbs.at("/itemListElement/" + i + "/@type").asText());
            assertEquals(i + 1, crumbs.at("/itemListElement/" + i + "/position").asInt());
        }
        assertEquals(term, crumbs.at("/itemListElement/1/name").asText());
        assertEquals(Api.siteBase().resolve("/en/articles/" + slugs.get(0)).toString(), crumbs.at("/itemListElement/2/item").asText());

        var alone = reader.get("/en/articles/" + unrelated);
        assertFalse(alone.body().contains("class=\"related\""), alone::body);
        Matcher aloneNav = BREADCRUMBS.matcher(alone.body());
        assertTrue(aloneNav.find());
        assertEquals("<li><a href=\"/en/\">Home</a></li><li><span aria-current=\"page\">Unrelated " + key + "</span></li>", aloneNav.group(2),
                "a topic without a name in the taxonomy is no crumb");
    }

    @Test
    void draftsNeverShowAndPublishingOrRenamingUpdatesCachedPages() {
        String key = unique("rosacea");
        String term = "Rosacea " + key;
        assertEquals(201, editor.put("/api/topics/" + key + "/locales/en", Map.of("name", term, "slug", key), null).status());
        String draftSlug = unique("draft-rosacea");
        String draft = RevisionApiTests.path(author.post("/api/articles",
                with(with(article(draftSlug), "title", "Draft rosacea " + key), "topics", List.of(term))));
        String notFound = reader.get("/en/" + unique("nowhere")).body();
        var draftOnly = reader.get("/en/topics/" + key);
        assertEquals(404, draftOnly.status(), "a topic of a draft only");
        assertEquals(notFound, draftOnly.body());
        assertEquals(404, reader.get("/en/topics/" + unique("no-such-topic")).status());

        String firstTitle = "Rosacea first " + key;
        String first = publishWith(unique("rosacea"), firstTitle, List.of(term));
        var cached = reader.get("/en/topics/" + key);
        assertEquals(List.of(firstTitle), listedTitles(cached.body()));
        assertEquals(cached.body(), reader.get("/en/topics/" + key).body());

        Workflow.publish(author, draft + "/locales/en");
        assertEquals(List.of("Draft rosacea " + key, firstTitle), listedTitles(reader.get("/en/topics/" + key).body()),
                "publishing drops the cached topic page");
        var relatedOfFirst = reader.get("/en/articles/" + DatabaseRows.text("select r.slug from variant v join revision r"
                + " on r.id = v.live_revision_id where v.article_id = ? and v.locale = 'en'", id(first)));
        assertTrue(relatedOfFirst.body().contains("Draft rosacea " + key), relatedOfFirst::body);

        assertEquals(200, take(editor, draft + "/locales/en", step("unpublish")).status());
        var after = reader.get("/en/topics/" + key);
        assertEquals(List.of(firstTitle), listedTitles(after.body()), "an unpublished article leaves the topic page");
        var firstPage = reader.get("/en/articles/" + DatabaseRows.text("select r.slug from variant v join revision r"
                + " on r.id = v.live_revision_id where v.article_id = ? and v.locale = 'en'", id(first)));
        assertFalse(firstPage.body().contains("Draft rosacea " + key), "nor is it related any more");

        assertEquals(200, editor.put("/api/topics/" + key + "/locales/en", Map.of("name", "Acne rosacea " + key, "slug", key), null).status());
        var renamed = reader.get("/en/topics/" + key);
        assertTrue(renamed.body().contains("<h1>Acne rosacea " + key + "</h1>"), renamed::body);
        assertEquals(List.of(firstTitle), listedTitles(renamed.body()), "the revision's old string still names the topic");
        assertTrue(reader.get("/en/articles/" + DatabaseRows.text("select r.slug from variant v join revision r"
                + " on r.id = v.live_revision_id where v.article_id = ? and v.locale = 'en'", id(first))).body()
                .contains(">Acne rosacea " + key + "</a>"));
    }

    @Test
    void aTopicWithoutANameInTheTranslationsLocaleIsNamedThroughItsXliffFileAndARefusedNameChangesNothing() throws Exception {
        String key = unique("sciatica");
        String term = "Sciatica " + key;
        String named = unique("lumbago");
        assertEquals(201, editor.put("/api/topics/" + key + "/locales/en", Map.of("name", term, "slug", key), null).status());
        assertEquals(201, editor.put("/api/topics/" + named + "/locales/en", Map.of("name", "Lumbago " + named, "slug", named),
                null).status());
        assertEquals(200, translator.put("/api/topics/" + named + "/locales/es", Map.of("name", "Lumbalgia " + named,
                "slug", "lumbalgia-" + named), null).status());
        String article = RevisionApiTests.path(author.post("/api/articles", with(with(article(unique("sciatica")), "body",
                XliffTests.BODY), "topics", List.of(term, "Lumbago " + named, "Not a topic " + key))));
        long id = id(article);
        Workflow.publish(author, article + "/locales/en");

        String exported = translator.get(article + "/locales/es/xliff").body();
        var xliff = XliffTests.parse(exported);
        List<String> ids = XliffTests.unitIds(xliff);
        assertEquals("topic-" + key, ids.get(ids.size() - 1), "only the topic without a Spanish name, last: " + ids);
        assertFalse(ids.contains("topic-" + named), ids::toString);
        assertEquals("cms:topic-name", XliffTests.unit(xliff, "topic-" + key).getAttribute("type"));
        assertEquals(term, XliffTests.source(XliffTests.unit(xliff, "topic-" + key)).getTextContent());

        String spanish = "Ciática " + key;
        String other = unique("other");
        assertEquals(201, editor.put("/api/topics/" + other + "/locales/en", Map.of("name", "Other " + other, "slug", other),
                null).status());
        assertEquals(200, editor.put("/api/topics/" + other + "/locales/es", Map.of("name", "Otra " + other,
                "slug", "ciatica-" + key), null).status());
        String rows = "select count(*) || ':' || coalesce(string_agg(l.locale || '=' || l.name || '/' || l.slug, ','"
                + " order by l.locale), '') from topic_locale l join topic t on t.id = l.topic_id where t.topic_key in (?, ?)";
        String before = DatabaseRows.text(rows, key, named);
        for (String refusedName : List.of(spanish, "", "Otra " + other)) {
            var refused = translator.post("/api/xliff", "application/xliff+xml",
                    XliffTests.translated(exported, withWord(term, refusedName)));
            expectProblem(400, "invalid-xliff", refused);
            assertTrue(refused.body().contains("unit topic-" + key), refused::toString);
            assertEquals(0, XliffTests.revisions(id, "es"), "nothing imported");
            assertEquals(before, DatabaseRows.text(rows, key, named), "no topic named");
        }
        assertTrue(translator.post("/api/xliff", "application/xliff+xml", XliffTests.translated(exported,
                withWord(term, spanish))).body().contains("ciatica-" + key + "' the name makes"), "the slug taken is named");

        String grave = "Ciática grave " + key;
        var imported = translator.post("/api/xliff", "application/xliff+xml", XliffTests.translated(exported, withWord(term, grave)));
        assertEquals(200, imported.status(), imported::toString);
        var taxonomy = editor.get("/api/topics?limit=1&after=" + key.substring(0, key.length() - 1)).json().get("items").get(0);
        assertEquals(key, taxonomy.get("key").asText(), taxonomy::toString);
        assertEquals(grave, taxonomy.at("/locales/es/name").asText(), taxonomy::toString);
        assertEquals("ciatica-grave-" + key, taxonomy.at("/locales/es/slug").asText(), "the slug made of the name");
        assertEquals(term, taxonomy.at("/locales/en/name").asText());
        assertEquals("es=Lumbalgia " + named + "/lumbalgia-" + named, DatabaseRows.text("select l.locale || '=' || l.name"
                + " || '/' || l.slug from topic_locale l join topic t on t.id = l.topic_id where t.topic_key = ? and l.locale = 'es'",
                named), "a topic named in the locale keeps its name");
        assertFalse(XliffTests.unitIds(XliffTests.parse(translator.get(article + "/locales/es/xliff").body()))
                .contains("topic-" + key), "named in Spanish now: not offered again");

        Workflow.publish(translator, article + "/locales/es");
        var page = reader.get("/es/topics/ciatica-grave-" + key);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("<h1>" + grave + "</h1>"), page::body);
        assertEquals(List.of("Vivir con migraña"), listedTitles(page.body()));

        // an editor names the topic otherwise; the same file imported again leaves the editor's name
        assertEquals(200, editor.put("/api/topics/" + key + "/locales/es", Map.of("name", "Ciática lumbar " + key,
                "slug", "ciatica-grave-" + key), null).status());
        var again = translator.post("/api/xliff", "application/xliff+xml", XliffTests.translated(exported, withWord(term, grave)));
        assertEquals(200, again.status(), again::toString);
        assertEquals("Ciática lumbar " + key, DatabaseRows.text("select l.name from topic_locale l join topic t"
                + " on t.id = l.topic_id where t.topic_key = ? and l.locale = 'es'", key));
    }

    private static Map<String, String> withWord(String english, String spanish) {
        Map<String, String> words = new HashMap<>(XliffTests.SPANISH);
        words.put(english, spanish);
        return words;
    }

    private String publishWith(String slug, String title, List<String> topics) {
        String article = RevisionApiTests.path(author.post("/api/articles", with(with(article(slug), "title", title), "topics", topics)));
        Workflow.publish(author, article + "/locales/en");
        return article;
    }

    /** The statements the server ran for a page (Server-Timing), 0 when it came from the page cache. */
    private static int statements(Api.Reply page) {
        String timing = page.header("Server-Timing").orElseThrow(() -> new AssertionError("no Server-Timing"));
        return Integer.parseInt(timing.substring(timing.lastIndexOf('=') + 1));
    }

    private static long id(String articlePath) {
        return Long.parseLong(articlePath.substring(articlePath.lastIndexOf('/') + 1));
    }

    private static List<String> listedTitles(String html) {
        Matcher list = LIST_LINK.matcher(html);
        assertTrue(list.find(), html);
        return titles(list.group(1));
    }

    private static List<String> titles(String html) {
        List<String> titles = new ArrayList<>();
        Matcher link = HREF.matcher(html);
        while (link.find()) {
            titles.add(link.group(2));
        }
        return titles;
    }

    private static void expectProblem(int status, String type, Api.Reply reply) {
        assertNotNull(reply, "an earlier answer was not the one expected");
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").orElseThrow().startsWith("application/problem+json"), reply::toString);
        assertTrue(reply.json().get("type").asText().endsWith("/" + type), reply::toString);
    }
}
