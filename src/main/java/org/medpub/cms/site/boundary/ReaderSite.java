package org.medpub.cms.site.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.site.control.PageCache;
import org.medpub.cms.site.control.ReaderPages;
import org.medpub.cms.site.control.RenderedPage;
import org.medpub.cms.site.control.SiteSearch;

/**
 * The public reader site: {@code /}, {@code /{locale}/}, {@code /{locale}/articles/{slug}},
 * {@code /{locale}/search?q=&page=} and {@code /sitemap.xml}. Every other address that reaches it is
 * the one "not found" page. Stateless: no session, no view state; rendered pages come from the
 * {@link PageCache} and answer conditional requests with 304. Their security headers (no script
 * at all): {@code SecurityHeaders}.
 */
@WebServlet(name = ReaderSite.NAME, urlPatterns = "/", loadOnStartup = 1)
public class ReaderSite extends HttpServlet {

    static final String NAME = "ReaderSite";

    private static final String ARTICLES = "articles/";

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

    /**
     * Maps the site's own addresses to it by name as well ({@code /sitemap.xml} and
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
            send(request, response, cache.get(base + path, () -> pages.sitemap(base)));
            return;
        }
        // /{locale}/, /{locale}/search, /{locale}/articles/{slug}: the locale spelled as configured
        int slash = path.indexOf('/', 1);
        String locale = slash > 0 ? path.substring(1, slash) : null;
        if (locale != null && locales.isEnabled(locale)) {
            String rest = path.substring(slash + 1);
            if (rest.isEmpty()) {
                send(request, response, cache.get(base + "/" + locale + "/", () -> pages.index(base, locale)));
                return;
            }
            if (rest.equals("search")) {
                // one cached page per words actually searched and page shown: a cut query shares the page of its cut words
                SiteSearch.Request search = siteSearch.request(queryParameter(request.getQueryString(), "q"),
                        queryParameter(request.getQueryString(), "page"));
                send(request, response, cache.get(base + ReaderPages.searchPath(locale, search.words(), search.page()),
                        () -> pages.search(base, locale, search)));
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
