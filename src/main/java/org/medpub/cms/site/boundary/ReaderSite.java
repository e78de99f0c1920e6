package org.medpub.cms.site.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.site.control.Paging;
import org.medpub.cms.site.control.PageCache;
import org.medpub.cms.site.control.ReaderPages;
import org.medpub.cms.site.control.RenderedPage;
import org.medpub.cms.site.control.SiteSearch;
import org.medpub.cms.site.control.Sitemaps;

/**
 * The public reader site: {@code /}, {@code /{locale}/} (and its pages {@code ?page=N}),
 * {@code /{locale}/articles/{slug}} and its change log {@code /{locale}/articles/{slug}/changes},
 * {@code /{locale}/topics/{slug}} (and its pages {@code ?page=N}),
 * {@code /{locale}/search?q=&page=}, {@code /{locale}/people/{slug}} (public
 * profiles), {@code /{locale}/about/disclosure} (the site-wide disclosure), {@code /sitemap.xml} and the
 * sitemap files {@code /sitemaps/{locale}-{n}.xml}. Every other address that reaches it is
 * the one "not found" page. Stateless: no session, no view state; rendered pages come from the
 * {@link PageCache} and answer conditional requests with 304. Their security headers (no script
 * at all): {@code SecurityHeaders}.
 */
@WebServlet(name = ReaderSite.NAME, urlPatterns = "/", loadOnStartup = 1)
public class ReaderSite extends HttpServlet {

    static final String NAME = "ReaderSite";

    private static final String ARTICLES = "articles/";
    private static final String TOPICS = "topics/";
    private static final String SITEMAPS = "/sitemaps/";
    private static final String PEOPLE = "people/";
    private static final String DISCLOSURE = "about/disclosure";
    private static final String CHANGES = "/changes";

    @Inject
    ReaderPages pages;

    @Inject
    PageCache cache;

    @Inject
    SiteSearch siteSearch;

    @Inject
    EnabledLocales locales;

    @Inject
    SiteAddress address;

    @Inject
    Sitemaps sitemaps;

    /**
     * Maps the site's own addresses to it by name as well ({@code /sitemap.xml}, {@code /sitemaps/*} and
     * {@code /{locale}/*} for each enabled locale), not only as the default servlet: for an
     * address that only the default servlet matches, the container first looks for a file of that
     * name in the WAR and throws and catches an exception when there is none: 8% of the CPU time
     * of a cached page.
     */
    @WebListener
    public static class Addresses implements ServletContextListener {

        @Inject
        EnabledLocales locales;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            var site = event.getServletContext().getServletRegistration(NAME);
            site.addMapping("/sitemap.xml");
            site.addMapping(SITEMAPS + "*");
            locales.all().forEach(locale -> site.addMapping("/" + locale + "/*"));
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String base = address.base(request);
        if (path.equals("/")) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", "/" + pages.bestLocale(request.getHeader("Accept-Language")) + "/");
            response.setHeader("Vary", "Accept-Language");
            response.setHeader("Cache-Control", "no-cache");
            return;
        }
        if (path.equals("/sitemap.xml")) {
            send(request, response, cache.get(base + path, () -> sitemaps.index(base)));
            return;
        }
        if (path.startsWith(SITEMAPS)) {
            Optional<Sitemaps.FileName> file = sitemaps.find(path.substring(SITEMAPS.length()));
            if (file.isPresent()) {
                sendSitemap(request, response, base, file.get());
                return;
            }
        }
        // /{locale}/, /{locale}/search, /{locale}/articles/{slug}: the locale spelled as configured
        int slash = path.indexOf('/', 1);
        String locale = slash > 0 ? path.substring(1, slash) : null;
        if (locale != null && locales.isEnabled(locale)) {
            String rest = path.substring(slash + 1);
            if (rest.isEmpty()) {
                String asked = queryParameter(request.getQueryString(), "page");
                OptionalLong page = Paging.requested(asked);
                if ("1".equals(asked)) { // page 1 has one address, without ?page
                    send(request, response, RenderedPage.redirect(301, Paging.path(locale, 1)));
                    return;
                }
                if (page.isPresent()) {
                    long number = page.getAsLong();
                    send(request, response, cache.get(base + Paging.path(locale, number),
                            () -> pages.index(base, locale, number)));
                    return;
                }
            }
            if (rest.equals("search")) {
                // one cached page per words actually searched and page shown: a cut query shares the page of its cut words
                SiteSearch.Request search = siteSearch.request(queryParameter(request.getQueryString(), "q"),
                        queryParameter(request.getQueryString(), "page"));
                send(request, response, cache.get(base + ReaderPages.searchPath(locale, search.words(), search.page()),
                        () -> pages.search(base, locale, search)));
                return;
            }
            if (rest.equals(DISCLOSURE)) {
                send(request, response, cache.get(base + "/" + locale + "/" + DISCLOSURE, () -> pages.disclosure(base, locale)));
                return;
            }
            if (rest.startsWith(PEOPLE) && rest.length() > PEOPLE.length() && rest.indexOf('/', PEOPLE.length()) < 0) {
                String slug = URLDecoder.decode(rest.substring(PEOPLE.length()), StandardCharsets.UTF_8);
                send(request, response, cache.get(base + "/" + locale + "/" + PEOPLE + slug, () -> pages.person(base, locale, slug)));
                return;
            }
            if (rest.startsWith(TOPICS) && rest.length() > TOPICS.length() && rest.indexOf('/', TOPICS.length()) < 0) {
                sendTopic(request, response, base, locale, URLDecoder.decode(rest.substring(TOPICS.length()), StandardCharsets.UTF_8));
                return;
            }
            if (rest.startsWith(ARTICLES) && rest.endsWith(CHANGES) && rest.length() > ARTICLES.length() + CHANGES.length()
                    && rest.indexOf('/', ARTICLES.length()) == rest.length() - CHANGES.length()) {
                String slug = URLDecoder.decode(rest.substring(ARTICLES.length(), rest.length() - CHANGES.length()),
                        StandardCharsets.UTF_8);
                send(request, response, cache.get(base + "/" + locale + "/articles/" + slug + CHANGES,
                        () -> pages.changes(base, locale, slug)));
                return;
            }
            if (rest.startsWith(ARTICLES) && rest.length() > ARTICLES.length() && rest.indexOf('/', ARTICLES.length()) < 0) {
                String slug = URLDecoder.decode(rest.substring(ARTICLES.length()), StandardCharsets.UTF_8);
                send(request, response, cache.get(base + "/" + locale + "/articles/" + slug,
                        () -> pages.article(base, locale, slug)));
                return;
            }
        }
        String first = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
        send(request, response, pages.notFound(base, enabled(first).orElse(
                pages.bestLocale(request.getHeader("Accept-Language")))));
    }

    /** A page of a topic's articles: page 1 has one address, without {@code ?page}; a page that is no number is not found. */
    private void sendTopic(HttpServletRequest request, HttpServletResponse response, String base, String locale, String slug)
            throws IOException {
        String asked = queryParameter(request.getQueryString(), "page");
        OptionalLong page = Paging.requested(asked);
        if ("1".equals(asked)) {
            send(request, response, RenderedPage.redirect(301, ReaderPages.topicPath(locale, slug, 1)));
        } else if (page.isPresent()) {
            long number = page.getAsLong();
            send(request, response, cache.get(base + ReaderPages.topicPath(locale, slug, number),
                    () -> pages.topic(base, locale, slug, number)));
        } else {
            send(request, response, pages.notFound(base, locale));
        }
    }

    /**
     * A parameter of the query string, decoded as UTF-8: the pages are UTF-8, so that is what a
     * browser sends from their search form. The container's {@code getParameter} reads the query
     * string as ISO-8859-1, which turned every word outside ASCII (Arabic, "Migräne") into mojibake.
     */
    static String queryParameter(String queryString, String name) {
        if (queryString == null) {
            return null;
        }
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            if (decode(equals < 0 ? pair : pair.substring(0, equals)).equals(name)) {
                return equals < 0 ? "" : decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    private Optional<String> enabled(String tag) {
        return locales.isEnabled(tag) ? Optional.of(tag) : Optional.empty();
    }

    /**
     * A sitemap file, written as it is read; on HEAD only its headers. A failure half way through
     * can only break the connection off: the crawler sees a cut file, never a short one that looks whole.
     */
    private void sendSitemap(HttpServletRequest request, HttpServletResponse response, String base, Sitemaps.FileName file)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(Sitemaps.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-cache");
        if (request.getMethod().equals("HEAD")) {
            return;
        }
        try (Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 65536)) {
            sitemaps.write(base, file, out);
        }
    }

    private void send(HttpServletRequest request, HttpServletResponse response, RenderedPage page) throws IOException {
        response.setStatus(page.status());
        if (page.location() != null) {
            response.setHeader("Location", page.location());
            response.setHeader("Cache-Control", "public, max-age=3600");
            return;
        }
        response.setContentType(page.contentType());
        if (page.contentLanguage() != null) {
            response.setHeader("Content-Language", page.contentLanguage());
        }
        if (page.status() == 200) {
            response.setHeader("ETag", page.etag());
            response.setHeader("Cache-Control", "no-cache");
            if (page.lastModifiedHeader() != null) {
                response.setHeader("Last-Modified", page.lastModifiedHeader());
            }
            if (notModified(request, page)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        response.setContentLength(page.body().length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(page.body());
        }
    }

    /** RFC 9110: If-None-Match decides when present; otherwise If-Modified-Since. */
    private static boolean notModified(HttpServletRequest request, RenderedPage page) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || candidate.equals(page.etag()) || candidate.equals("W/" + page.etag())) {
                    return true;
                }
            }
            return false;
        }
        long since = request.getDateHeader("If-Modified-Since");
        return since >= 0 && page.lastModified() != null
                && !page.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(Instant.ofEpochMilli(since));
    }
}
