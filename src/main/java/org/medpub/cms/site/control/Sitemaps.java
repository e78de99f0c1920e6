package org.medpub.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.site.control.PublishedArticles.PublishedPage;
import org.medpub.cms.site.control.PublishedArticles.SitemapFile;

/**
 * The sitemaps (sitemaps.org): {@code /sitemap.xml}, an index of per-locale sitemap files
 * {@code /sitemaps/{locale}-{n}.xml} of at most {@code cms.site.sitemap-urls} URLs each, every
 * article page with its {@code lastmod} (when its live revision was published) and its language
 * {@link Alternates}. The index is small and kept in the {@link PageCache} (it depends on
 * {@link PageDependency#SITEMAP}); a file may hold tens of megabytes, so it is written as it is read,
 * {@value #CHUNK} articles at a time by keyset, and never kept.
 */
@ApplicationScoped
public class Sitemaps {

    /** How many articles (with their alternates) each query of a sitemap file reads. */
    static final int CHUNK = 1000;

    public static final String CONTENT_TYPE = "application/xml; charset=UTF-8";

    /** {@code en-2.xml}, {@code pt-BR-1.xml}: the locale up to the last hyphen, the number as written once. */
    private static final Pattern NAME = Pattern.compile("(.+)-([1-9][0-9]{0,8})\\.xml");

    @Inject
    @ConfigProperty(name = "cms.site.sitemap-urls")
    int urlsPerFile;

    @Inject
    PublishedArticles published;

    @Inject
    PublishedCounts counts;

    @Inject
    EnabledLocales locales;

    /** A sitemap file's address: its locale and number. */
    public record FileName(String locale, int number) {
    }

    /** The sitemap index: every locale's files with the newest publication in each. */
    public RenderedPage index(String base) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        Instant newest = null;
        for (String tag : locales.all()) {
            for (SitemapFile file : published.sitemapFiles(tag, urlsPerFile)) {
                xml.append("<sitemap><loc>").append(xml(base + path(tag, file.number()))).append("</loc><lastmod>")
                        .append(lastmod(file.newest())).append("</lastmod></sitemap>\n");
                newest = newest == null || file.newest().isAfter(newest) ? file.newest() : newest;
            }
        }
        xml.append("</sitemapindex>\n");
        return RenderedPage.of(200, CONTENT_TYPE, xml.toString(), newest, null).dependingOn(PageDependency.SITEMAP);
    }

    /** The sitemap file of this name (after {@code /sitemaps/}), if there is one: an enabled locale and one of its numbers. */
    public Optional<FileName> find(String name) {
        return parse(name).filter(file -> locales.isEnabled(file.locale()))
                .filter(file -> file.number() <= files(counts.publishedIn(file.locale()), urlsPerFile));
    }

    /** Writes a sitemap file, {@link #CHUNK} articles at a time; each chunk is read in a transaction of its own. */
    public void write(String base, FileName file, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                + " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        long position = (long) (file.number() - 1) * urlsPerFile;
        Optional<Long> after = position == 0 ? Optional.of(Long.MIN_VALUE)
                : published.articleAt(file.locale(), position - 1);
        long last = after.orElse(Long.MAX_VALUE); // fewer articles than when the index was read: an empty file
        int remaining = urlsPerFile;
        while (remaining > 0) {
            int asked = Math.min(CHUNK, remaining);
            List<PublishedPage> pages = published.sitemapChunk(file.locale(), last, asked);
            if (pages.isEmpty()) {
                break;
            }
            int articles = 0;
            int from = 0;
            for (int i = 1; i <= pages.size(); i++) {
                if (i == pages.size() || pages.get(i).articleId() != pages.get(from).articleId()) {
                    out.write(url(base, file.locale(), pages.subList(from, i), locales.defaultLocale()));
                    articles++;
                    from = i;
                }
            }
            last = pages.get(pages.size() - 1).articleId();
            remaining -= articles;
            if (articles < asked) {
                break;
            }
        }
        out.write("</urlset>\n");
    }

    /** The {@code <url>} of an article's page in this locale, given its published pages in every locale. */
    static String url(String base, String locale, List<PublishedPage> article, String defaultLocale) {
        Map<String, String> slugs = new LinkedHashMap<>();
        article.forEach(page -> slugs.put(page.locale(), page.slug()));
        PublishedPage page = article.stream().filter(p -> p.locale().equals(locale)).findFirst().orElseThrow();
        StringBuilder url = new StringBuilder(256).append("<url><loc>")
                .append(xml(base + Alternates.articlePath(locale, page.slug()))).append("</loc><lastmod>")
                .append(lastmod(page.publishedAt())).append("</lastmod>");
        for (Alternates.Link link : Alternates.of(slugs, defaultLocale, page.sourceLocale())) {
            url.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(link.hreflang()).append("\" href=\"")
                    .append(xml(base + link.path())).append("\"/>");
        }
        return url.append("</url>\n").toString();
    }

    static Optional<FileName> parse(String name) {
        Matcher matcher = NAME.matcher(name);
        return matcher.matches() ? Optional.of(new FileName(matcher.group(1), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    /** How many files hold this many URLs, at most so many in each. */
    static long files(long urls, int perFile) {
        return (urls + perFile - 1) / perFile;
    }

    public static String path(String locale, int number) {
        return "/sitemaps/" + locale + "-" + number + ".xml";
    }

    /** A W3C datetime, to the second, in UTC. */
    private static String lastmod(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
