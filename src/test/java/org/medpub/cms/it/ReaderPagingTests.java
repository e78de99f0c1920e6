package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reader site at scale: the sitemap index and its per-locale files, and the paged locale index.
 * The suite runs with {@code cms.site.sitemap-urls=3} and {@code cms.site.index-page-size=4}
 * (IntegrationDatabase), so that a few articles make several files and pages.
 */
abstract class ReaderPagingTests {

    static final int SITEMAP_URLS = 3;
    static final int PAGE_SIZE = 4;
    static final List<String> LOCALES = List.of("en", "es", "de", "fr", "ar");

    private static final Pattern INDEX_ENTRY = Pattern.compile("<sitemap><loc>([^<]+)</loc><lastmod>([^<]+)</lastmod></sitemap>");
    private static final Pattern URL = Pattern.compile("<url>(.*?)</url>", Pattern.DOTALL);
    private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");
    private static final Pattern LASTMOD = Pattern.compile("<lastmod>(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z)</lastmod>");
    private static final Pattern SITEMAP_ALTERNATE = Pattern.compile("<xhtml:link rel=\"alternate\" hreflang=\"([^\"]+)\" href=\"([^\"]+)\"/>");
    private static final Pattern PAGE_ALTERNATE = Pattern.compile("<link rel=\"alternate\" hreflang=\"([^\"]+)\" href=\"([^\"]+)\">");

    final Api author = Api.as("author");
    final Api reader = Api.anonymous();

    @Test
    void theSitemapIndexListsEachLocalesFilesWithTheNewestLastmodInEach() {
        for (int i = 0; i < SITEMAP_URLS + 1; i++) {
            publish(unique("mapped"));
        }
        var index = reader.get("/sitemap.xml");
        assertEquals(200, index.status(), index::toString);
        assertTrue(index.header("Content-Type").orElseThrow().startsWith("application/xml"));
        assertTrue(index.body().contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"), index::body);
        Map<String, String> files = indexEntries(index.body());

        for (String locale : LOCALES) {
            long published = DatabaseRows.count("select count(*) from variant where locale = ? and live_revision_id is not null", locale);
            List<String> expected = new ArrayList<>();
            for (long n = 1; n <= (published + SITEMAP_URLS - 1) / SITEMAP_URLS; n++) {
                expected.add(Api.siteBase().resolve("/sitemaps/" + locale + "-" + n + ".xml").toString());
            }
            List<String> listed = files.keySet().stream().filter(loc -> loc.contains("/sitemaps/" + locale + "-")).toList();
            assertEquals(expected, listed, locale + ": ceil(" + published + " / " + SITEMAP_URLS + ") files");

            Set<String> pages = new HashSet<>();
            for (String file : listed) {
                var sitemap = reader.get(URI.create(file).getPath());
                assertEquals(200, sitemap.status(), () -> file + ": " + sitemap);
                assertTrue(sitemap.header("Content-Type").orElseThrow().startsWith("application/xml"));
                assertTrue(sitemap.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "), sitemap::body);
                assertTrue(sitemap.body().endsWith("</urlset>\n"), sitemap::body);
                List<String> urls = urls(sitemap.body());
                assertTrue(!urls.isEmpty() && urls.size() <= SITEMAP_URLS, () -> file + " has " + urls.size() + " URLs");
                String newest = "";
                for (String url : urls) {
                    String loc = first(LOC, url);
                    assertTrue(loc.startsWith(Api.siteBase().resolve("/" + locale + "/articles/").toString()), loc);
                    assertTrue(pages.add(loc), () -> loc + " is listed twice");
                    String lastmod = first(LASTMOD, url);
                    assertNotNull(lastmod, url);
                    newest = lastmod.compareTo(newest) > 0 ? lastmod : newest;
                }
                assertEquals(newest, files.get(file), file + ": the index names the newest lastmod in it");
            }
            assertEquals(published, pages.size(), locale + ": every published page once");
        }

        String notFound = reader.get("/" + unique("nowhere")).body();
        long enFiles = files.keySet().stream().filter(loc -> loc.contains("/sitemaps/en-")).count();
        for (String beyond : List.of("/sitemaps/en-" + (enFiles + 1) + ".xml", "/sitemaps/xx-1.xml", "/sitemaps/en-0.xml",
                "/sitemaps/en-01.xml", "/sitemaps/en.xml", "/sitemaps/en-1", "/sitemaps/")) {
            var answer = reader.get(beyond);
            assertEquals(404, answer.status(), beyond);
            assertEquals(notFound, answer.body(), beyond);
        }
    }

    @Test
    void aSitemapUrlHasWhenItWasPublishedAndTheSameAlternatesAsItsPage() {
        String slug = unique("alternated");
        String spanishSlug = unique("alternado");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        Workflow.publish(author, article + "/locales/en");
        author.put(article + "/locales/es", with(edit(spanishSlug, "## Qué es\n\nUn dolor de cabeza.", "es"),
                "title", "Vivir con migraña"), null);
        Workflow.publish(author, article + "/locales/es");

        String english = Api.siteBase().resolve("/en/articles/" + slug).toString();
        String spanish = Api.siteBase().resolve("/es/articles/" + spanishSlug).toString();
        String url = urlOf(reader, "en", english);
        long id = Long.parseLong(article.substring(article.lastIndexOf('/') + 1));
        assertEquals(DatabaseRows.text("select to_char(published_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " from variant where article_id = ? and locale = 'en'", id), first(LASTMOD, url), url);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("en", english);
        expected.put("es", spanish);
        expected.put("x-default", english);
        assertEquals(expected, pairs(SITEMAP_ALTERNATE, url));
        assertEquals(expected, pairs(SITEMAP_ALTERNATE, urlOf(reader, "es", spanish)));
        assertEquals(expected, pairs(PAGE_ALTERNATE, reader.get("/en/articles/" + slug).body()), "the page's own hreflang links");
        assertEquals(expected, pairs(PAGE_ALTERNATE, reader.get("/es/articles/" + spanishSlug).body()));
    }

    @Test
    void publishingSetsWhenAndTakingOfflineClearsIt() {
        String variant = publish(unique("dated"));
        long id = Long.parseLong(variant.split("/")[3]);
        assertEquals("yes", DatabaseRows.text("select case when abs(extract(epoch from v.published_at - (select max(e.occurred_at)"
                + " from audit_event e where e.article_id = v.article_id and e.locale = 'en' and e.to_state = 'published')))"
                + " < 5 then 'yes' else 'no ' || coalesce(cast(v.published_at as varchar), 'null') end"
                + " from variant v where v.article_id = ? and v.locale = 'en'", id), "published_at is the publish step's time");
        take(Api.as("editor"), variant, step("archive"));
        assertNull(DatabaseRows.row("select published_at from variant where article_id = ? and locale = 'en'", id)
                .get("published_at"));
    }

    @Test
    void theIndexIsPagedNewestFirstWithAnHonestCount() {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < PAGE_SIZE + 1; i++) {
            String slug = unique("paged");
            publish(slug);
            slugs.add(slug);
        }
        long published = DatabaseRows.count("select count(*) from variant where locale = 'en' and live_revision_id is not null");
        long pages = (published + PAGE_SIZE - 1) / PAGE_SIZE;
        String base = Api.siteBase().resolve("/en/").toString();

        var first = reader.get("/en/");
        assertEquals(200, first.status(), first::toString);
        String html = asRead(first.body());
        assertTrue(html.contains("Page 1 of " + pages), html);
        List<Integer> at = slugs.stream().map(slug -> html.indexOf("/en/articles/" + slug + "\"")).toList();
        assertEquals(-1, at.get(0), "the oldest of five is on page 2");
        assertTrue(at.get(4) > 0 && at.get(4) < at.get(3) && at.get(3) < at.get(2) && at.get(2) < at.get(1), "newest first: " + at);
        assertTrue(html.contains("<link rel=\"canonical\" href=\"" + base + "\">"), html);
        assertTrue(html.contains("<link rel=\"next\" href=\"" + base + "?page=2\">"), html);
        assertFalse(html.contains("rel=\"prev\""), html);
        assertTrue(html.contains("<nav class=\"pages\" aria-label=\"Pages\">"), html);
        assertTrue(html.contains("<span aria-current=\"page\">1</span>"), html);
        assertTrue(html.contains("<a href=\"/en/?page=2\" aria-label=\"Page 2\">2</a>"), html);
        assertTrue(html.contains("<a href=\"/en/?page=2\" rel=\"next\">Next page</a>"), html);

        var second = reader.get("/en/?page=2");
        assertEquals(200, second.status(), second::toString);
        String page2 = asRead(second.body());
        assertTrue(page2.contains("Page 2 of " + pages), page2);
        assertTrue(page2.indexOf("/en/articles/" + slugs.get(0) + "\"") > 0, "the oldest of five opens page 2");
        assertTrue(page2.contains("<link rel=\"canonical\" href=\"" + base + "?page=2\">"), page2);
        assertTrue(page2.contains("<link rel=\"prev\" href=\"" + base + "\">"), page2);
        assertTrue(page2.contains("<a href=\"/en/\" rel=\"prev\">Previous page</a>"), page2);
        assertEquals(pages > 2, page2.contains("<link rel=\"next\" href=\"" + base + "?page=3\">"), page2);

        var last = reader.get("/en/?page=" + pages);
        assertEquals(200, last.status(), last::toString);
        assertTrue(last.body().contains("Page " + pages + " of " + pages), last::body);
        assertFalse(last.body().contains("rel=\"next\""), last::body);
        assertTrue(asRead(last.body()).contains("<link rel=\"prev\" href=\"" + base + (pages == 2 ? "" : "?page=" + (pages - 1)) + "\">"),
                last::body);

        var once = reader.get("/en/?page=1");
        assertEquals(301, once.status(), once::toString);
        assertEquals("/en/", once.header("Location").orElseThrow());

        String notFound = reader.get("/en/nothing").body();
        for (String beyond : List.of("?page=" + (pages + 1), "?page=0", "?page=-1", "?page=two", "?page=02", "?page=",
                "?page=99999999999999999999")) {
            var answer = reader.get("/en/" + beyond);
            assertEquals(404, answer.status(), beyond);
            assertEquals(notFound, answer.body(), beyond);
        }
    }

    @Test
    void everyLocalesIndexSaysWhichPageItIsInItsLanguage() {
        Map<String, String> pageOne = Map.of("en", "Page 1 of ", "es", "Página 1 de ", "de", "Seite 1 von ",
                "fr", "Page 1 sur ", "ar", "الصفحة ");
        pageOne.forEach((locale, words) -> {
            var index = reader.get("/" + locale + "/");
            assertEquals(200, index.status(), index::toString);
            assertTrue(index.body().contains("<p class=\"page-line\">" + words), index::body);
        });
    }

    /** Publishes a new English article; its English variant's path. */
    private String publish(String slug) {
        String variant = RevisionApiTests.path(author.post("/api/articles", article(slug))) + "/locales/en";
        Workflow.publish(author, variant);
        return variant;
    }

    /** A page's attributes as a browser reads them: the templates write the "=" of a query as {@code &#61;}. */
    private static String asRead(String html) {
        return html.replace("&#61;", "=");
    }

    /** The sitemap index's files and the lastmod it names for each, in its order. */
    static Map<String, String> indexEntries(String index) {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher entry = INDEX_ENTRY.matcher(index);
        while (entry.find()) {
            files.put(entry.group(1), entry.group(2));
        }
        return files;
    }

    /** The paths of every sitemap file that {@code /sitemap.xml} lists. */
    static List<String> sitemapFiles(Api reader) {
        var index = reader.get("/sitemap.xml");
        assertEquals(200, index.status(), index::toString);
        return indexEntries(index.body()).keySet().stream().map(loc -> URI.create(loc).getPath()).toList();
    }

    /** Every sitemap file of a locale, one after the other. */
    static String sitemapOf(Api reader, String locale) {
        StringBuilder all = new StringBuilder();
        for (String file : sitemapFiles(reader)) {
            if (file.startsWith("/sitemaps/" + locale + "-")) {
                var sitemap = reader.get(file);
                assertEquals(200, sitemap.status(), () -> file + ": " + sitemap);
                all.append(sitemap.body());
            }
        }
        return all.toString();
    }

    private static String urlOf(Api reader, String locale, String loc) {
        return urls(sitemapOf(reader, locale)).stream().filter(url -> url.contains("<loc>" + loc + "</loc>")).findFirst()
                .orElseThrow(() -> new AssertionError(loc + " in no sitemap file of " + locale));
    }

    private static List<String> urls(String sitemap) {
        List<String> urls = new ArrayList<>();
        Matcher url = URL.matcher(sitemap);
        while (url.find()) {
            urls.add(url.group(1));
        }
        return urls;
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static Map<String, String> pairs(Pattern pattern, String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            pairs.put(matcher.group(1), matcher.group(2));
        }
        return pairs;
    }
}
