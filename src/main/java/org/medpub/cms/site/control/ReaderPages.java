package org.medpub.cms.site.control;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.article.control.ArticleHtml;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.Statements;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Audience;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.TranslationStatus;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.LanguageNames;
import org.medpub.cms.platform.control.Messages;
import org.medpub.cms.platform.control.WritingDirection;
import org.medpub.cms.translation.control.LocaleFallback;
import org.medpub.cms.translation.control.SafetyPolicy;
import org.medpub.cms.translation.control.TranslationState;
import org.medpub.cms.translation.control.TranslationStates;
import org.medpub.cms.workflow.control.ChangeLog;
import org.medpub.cms.workflow.control.PreviewLink;
import org.medpub.cms.workflow.control.ReReviews;
import org.medpub.cms.workflow.entity.ChangeLogEntry;
import org.medpub.cms.workflow.entity.MedicalReview;

/**
 * Renders what readers see, in their language: the list of a locale's articles, an article
 * with its medical review line, alternates and schema.org {@code MedicalWebPage} data, search
 * and one "not found" page for everything that is not published. Pages are plain
 * HTML that needs no script, and carry no session. The page behind a preview link is an article
 * page too, from the same templates and renderer, so that a reviewer sees what readers will get.
 */
@ApplicationScoped
public class ReaderPages {

    private static final String HTML = "text/html; charset=UTF-8";
    /** How many of the newest change-log entries an article page shows; its change log lists the rest. */
    static final int CHANGES_ON_PAGE = 3;
    /** How many entries a change log page lists at most, newest first (documented in the README). */
    static final int CHANGES_LISTED = 100;
    private static final ObjectMapper JSON_LD = jsonInsideScript();

    @Inject
    PublishedArticles published;

    @Inject
    PublishedCounts counts;

    @Inject
    ListedLocales listed;

    @Inject
    @ConfigProperty(name = "cms.site.index-page-size")
    int pageSize;

    @Inject
    ArticleHtml html;

    @Inject
    Statements statements;

    @Inject
    ArticleStore store;

    @Inject
    SiteWords words;

    @Inject
    SiteSearch siteSearch;

    @Inject
    EnabledLocales locales;

    @Inject
    LocaleFallback fallback;

    @Inject
    TranslationStates translations;

    @Inject
    SafetyPolicy safetyPolicy;

    @Inject
    ReReviews reReviews;

    @Inject
    People people;

    @Inject
    PublishedTopics topics;

    @Inject
    ChangeLog changeLog;

    private final Map<String, Mustache> templates = new java.util.concurrent.ConcurrentHashMap<>();
    private final DefaultMustacheFactory mustache = new DefaultMustacheFactory("site");

    /**
     * A page of a locale's index, newest first, {@code cms.site.index-page-size} articles a page, with
     * "Page N of M" and links to the pages around it; the not-found page for a page beyond the last.
     * Among its own articles it lists those readable in it only through the fallback chain
     * ({@link ListedLocales}), each linked to its page in this locale (which shows it in the nearest
     * locale that has it) and labelled with the language it is written in.
     */
    @Transactional
    public RenderedPage index(String base, String locale, long number) {
        Paging paging = Paging.of(number, counts.inLocale(locale), pageSize);
        if (!paging.exists()) {
            return notFound(base, locale);
        }
        List<String> listedLocales = listed.of(locale);
        List<Map<String, Object>> items = new ArrayList<>();
        Instant newest = null;
        for (ArticleVariant variant : published.listed(listedLocales, paging.offset(pageSize), pageSize)) {
            Revision live = variant.getLive().orElseThrow();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("href", articlePath(locale, live.getSlug()));
            item.put("title", live.getTitle());
            item.put("summary", live.getSummary());
            if (!variant.getLocale().equals(locale)) {
                // the title and summary are in the other language; dir auto, so that a Latin title reads left to right in Arabic
                item.put("language", Map.of("lang", variant.getLocale(), "label", words.format(locale, "site.index.inLanguage",
                        Map.of("language", LanguageNames.inText(variant.getLocale(), Locale.forLanguageTag(locale))))));
            }
            items.add(item);
            Instant at = variant.getPublishedAt().orElse(variant.getUpdatedAt());
            newest = newest == null || at.isAfter(newest) ? at : newest;
        }
        String pageLine = words.format(locale, "site.index.pageOf", Map.of("page", paging.page(), "pages", paging.pages()));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("heading", words.text(locale, "site.index.heading"));
        content.put("pageLine", pageLine);
        content.put("items", items);
        content.put("empty", items.isEmpty());
        content.put("emptyText", words.text(locale, "site.index.empty"));
        if (paging.pages() > 1) {
            content.put("paging", pagingNav(locale, paging, n -> Paging.path(locale, n), "site.index.pages"));
        }
        String title = paging.page() == 1 ? words.text(locale, "site.name")
                : words.text(locale, "site.index.heading") + " – " + pageLine;
        Map<String, Object> page = frame(base, locale, title, null, Paging.path(locale, paging.page()),
                switcher(locale, Map.of()));
        page.put("canonical", base + Paging.path(locale, paging.page()));
        if (paging.page() == 1) {
            // the other languages' indexes list other articles: only their first pages are one another's alternates
            page.put("alternates", locales.all().stream().map(tag -> alternate(tag, base + "/" + tag + "/")).toList());
        }
        pageLinks(page, base, paging, n -> Paging.path(locale, n));
        page.put("content", render("index", content));
        // an article published or taken offline in a locale of the chain changes what this index lists
        return RenderedPage.of(200, HTML, render("page", page), newest, locale)
                .dependingOn(listedLocales.stream().map(PageDependency::locale).toArray(String[]::new));
    }

    /** The {@code <nav>} of a paged list (index or search results): previous, next and the page numbers around this one. */
    private Map<String, Object> pagingNav(String locale, Paging paging, LongFunction<String> path, String labelKey) {
        Map<String, Object> nav = new LinkedHashMap<>();
        nav.put("label", words.text(locale, labelKey));
        if (paging.hasPrevious()) {
            nav.put("previous", Map.of("href", path.apply(paging.page() - 1), "text", words.text(locale, "site.pages.previous")));
        }
        if (paging.hasNext()) {
            nav.put("next", Map.of("href", path.apply(paging.page() + 1), "text", words.text(locale, "site.pages.next")));
        }
        nav.put("links", paging.links().stream().map(n -> {
            Map<String, Object> link = new LinkedHashMap<>();
            if (n == 0) {
                link.put("gap", true);
            } else {
                link.put("number", words.format(locale, "site.pages.pageNumber", Map.of("page", n)));
                link.put("label", words.format(locale, "site.pages.pageLink", Map.of("page", n)));
                link.put(n == paging.page() ? "current" : "href", n == paging.page() ? Boolean.TRUE : path.apply(n));
            }
            return link;
        }).toList());
        return nav;
    }

    /** The head's {@code <link rel=prev/next>} of a paged list. */
    private static void pageLinks(Map<String, Object> page, String base, Paging paging, LongFunction<String> path) {
        if (paging.hasPrevious()) {
            page.put("prevLink", base + path.apply(paging.page() - 1));
        }
        if (paging.hasNext()) {
            page.put("nextLink", base + path.apply(paging.page() + 1));
        }
    }

    /** An article in the reader's locale, or the nearest locale that has it published, or a redirect to its slug of today. */
    @Transactional
    public RenderedPage article(String base, String locale, String slug) {
        Shown shown = shown(base, locale, slug, ReaderPages::articlePath);
        if (shown.answer() != null) {
            return shown.answer();
        }
        Set<String> dependsOn = new LinkedHashSet<>(List.of(shown.dependsOn()));
        if (!shown.live().getTopics().isEmpty()) {
            // its topic names, and its related articles: any article published in the reader's locale may become one
            dependsOn.addAll(List.of(PageDependency.TOPICS, PageDependency.locale(locale)));
        }
        // the reviewed statements it shows: publishing one of them in any locale makes the page stale
        statements.embeddedIds(shown.live().getBody()).forEach(id -> dependsOn.add(PageDependency.article(id)));
        return articlePage(base, locale, shown.variant(), shown.live(), shown.byLocale())
                .dependingOn(dependsOn.toArray(String[]::new));
    }

    /**
     * The page's public change log ({@code /{locale}/articles/{slug}/changes}), newest first, at most
     * {@value #CHANGES_LISTED} entries; found, redirected and not found exactly as its article page.
     */
    @Transactional
    public RenderedPage changes(String base, String locale, String slug) {
        Shown shown = shown(base, locale, slug, ReaderPages::changesPath);
        if (shown.answer() != null) {
            return shown.answer();
        }
        ArticleVariant variant = shown.variant();
        Revision live = shown.live();
        List<ChangeLogEntry> entries = changeLog.newest(variant, CHANGES_LISTED + 1);
        boolean capped = entries.size() > CHANGES_LISTED;
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("heading", words.format(locale, "changes.title", Map.of("title", live.getTitle())));
        content.put("entries", changeEntries(locale, variant.getLocale(), capped ? entries.subList(0, CHANGES_LISTED) : entries));
        content.put("none", entries.isEmpty() ? words.text(locale, "changes.none") : null);
        content.put("capped", capped ? words.format(locale, "changes.capped", Map.of("count", CHANGES_LISTED)) : null);
        content.put("backHref", articlePath(locale, live.getSlug()));
        content.put("back", words.text(locale, "changes.back"));
        Map<String, String> slugs = new LinkedHashMap<>();
        shown.byLocale().forEach((tag, v) -> slugs.put(tag, v.getLive().orElseThrow().getSlug()));
        Map<String, Object> page = frame(base, locale, words.format(locale, "changes.title", Map.of("title", live.getTitle())),
                null, null, switcher(locale, slugs));
        page.put("content", render("changes", content));
        return RenderedPage.of(200, HTML, render("page", page), variant.getPublishedAt().orElse(variant.getUpdatedAt()),
                variant.getLocale()).dependingOn(shown.dependsOn());
    }

    /**
     * The variant readers get at a slug in a locale (the first of the fallback chain that has it
     * published), or the page to answer instead: a redirect to its slug of today, or not found.
     */
    private Shown shown(String base, String locale, String slug, java.util.function.BinaryOperator<String> pathOf) {
        List<String> chain = fallback.chain(locale);
        Optional<ArticleVariant> found = Optional.empty();
        List<ArticleVariant> alternates = List.of();
        for (String tag : chain) {
            alternates = published.withAlternatesBySlug(tag, slug);
            found = alternates.stream().filter(v -> v.getLocale().equals(tag)).findFirst();
            if (found.isPresent()) {
                break;
            }
        }
        if (found.isEmpty()) {
            // another article published under this slug in this locale would take the address over
            return Shown.answered(published.byFormerSlug(locale, slug)
                    .map(v -> RenderedPage.redirect(301, pathOf.apply(locale, v.getLive().orElseThrow().getSlug()))
                            .dependingOn(PageDependency.article(v.getArticle().getId()), PageDependency.locale(locale)))
                    .orElseGet(() -> notFound(base, locale)));
        }
        Map<String, ArticleVariant> byLocale = new LinkedHashMap<>();
        alternates.forEach(v -> byLocale.put(v.getLocale(), v));
        ArticleVariant shown = chain.stream().map(byLocale::get).filter(java.util.Objects::nonNull).findFirst()
                .orElse(found.get());
        Revision live = shown.getLive().orElseThrow();
        String article = PageDependency.article(shown.getArticle().getId());
        if (shown.getLocale().equals(locale) && !live.getSlug().equals(slug)) {
            return Shown.answered(RenderedPage.redirect(301, pathOf.apply(locale, live.getSlug())).dependingOn(article));
        }
        // shown in a fallback locale: an article published under this slug in a locale before it would replace it
        Set<String> dependsOn = new LinkedHashSet<>(List.of(article));
        chain.stream().takeWhile(tag -> !tag.equals(shown.getLocale())).map(PageDependency::locale).forEach(dependsOn::add);
        return new Shown(shown, live, byLocale, dependsOn.toArray(String[]::new), null);
    }

    /** What {@link #shown} found: the variant with its live revision and its published siblings, or the answer instead. */
    private record Shown(ArticleVariant variant, Revision live, Map<String, ArticleVariant> byLocale, String[] dependsOn,
            RenderedPage answer) {

        static Shown answered(RenderedPage answer) {
            return new Shown(null, null, null, null, answer);
        }
    }

    /** The entries of a change log as the templates show them: the words in the reader's language, the notes in their own. */
    private List<Map<String, Object>> changeEntries(String locale, String noteLocale, List<ChangeLogEntry> entries) {
        String safety = words.text(locale, "article.changes.safety");
        return entries.stream().map(entry -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("datetime", entry.getPublishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
            item.put("date", words.format(locale, "article.changes.updatedOn", Map.of("date", Date.from(entry.getPublishedAt()))));
            item.put("safety", entry.isSafetyRelevant() ? safety : null);
            item.put("note", entry.getNote());
            item.put("lang", noteLocale);
            item.put("dir", WritingDirection.of(noteLocale));
            return item;
        }).toList();
    }

    /** The address of an article's change log. */
    public static String changesPath(String locale, String slug) {
        return articlePath(locale, slug) + "/changes";
    }

    /**
     * A page of search results: the result line ("N articles found", or "More than N" when only the
     * newest N matches were ranked), the hits of this page, a {@code <nav>} of the pages and
     * {@code <link rel=prev/next>}. The search box shows the words searched, cut when too long.
     */
    @Transactional
    public RenderedPage search(String base, String locale, SiteSearch.Request request) {
        String q = request.words();
        SiteSearch.Found found = siteSearch.search(locale, request);
        List<Map<String, Object>> hits = found.hits().stream()
                .map(hit -> Map.<String, Object>of("href", articlePath(locale, hit.slug()), "title", hit.title(),
                        "snippet", highlight(hit.snippet())))
                .toList();
        int pages = Math.max(1, (found.count() + siteSearch.pageSize() - 1) / siteSearch.pageSize());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("heading", words.text(locale, "site.search.heading"));
        content.put("hasQuery", !q.isEmpty());
        content.put("cutNote", request.cut() ? words.text(locale, "site.search.cut") : null);
        content.put("resultLine", found.count() == 0
                ? words.format(locale, "site.search.none", Map.of("query", q))
                : words.format(locale, found.more() ? "site.search.resultsMore" : "site.search.results",
                        Map.of("count", found.count(), "query", q)));
        content.put("start", request.page() > 1 ? (request.page() - 1) * siteSearch.pageSize() + 1 : null);
        content.put("hits", hits);
        Map<String, Object> page = frame(base, locale, words.text(locale, "site.search.heading"), null,
                "/" + locale + "/search", switcher(locale, Map.of()));
        if (pages > 1) {
            Paging paging = new Paging(request.page(), pages);
            content.put("paging", pagingNav(locale, paging, n -> searchPath(locale, q, n), "site.search.pages"));
            // search pages are not indexed (robots noindex): their head links stay relative
            pageLinks(page, "", paging, n -> searchPath(locale, q, n));
        }
        page.put("query", q);
        page.put("robots", "noindex");
        page.put("content", render("search", content));
        return RenderedPage.of(200, HTML, render("page", page), null, locale)
                .dependingOn(PageDependency.locale(locale));
    }

    /** The address of a page of search results, the same for a link and for the page cache. */
    public static String searchPath(String locale, String words, long page) {
        return "/" + locale + "/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8)
                + (page > 1 ? "&page=" + page : "");
    }

    /**
     * A page of a topic's articles published in the locale, newest first, {@code cms.site.index-page-size}
     * a page, under breadcrumbs (home › topic, also as schema.org {@code BreadcrumbList}). The not-found
     * page for a slug no topic has in the locale, a topic no article published in the locale names (a
     * topic of drafts only says nothing), and a page beyond the last.
     */
    @Transactional
    public RenderedPage topic(String base, String locale, String slug, long number) {
        Optional<PublishedTopics.NamedTopic> topic = number > Integer.MAX_VALUE ? Optional.empty() : topics.bySlug(locale, slug);
        if (topic.isEmpty()) {
            return notFound(base, locale);
        }
        PublishedTopics.ListPage found = topics.articles(topic.get().id(), locale, (number - 1) * pageSize, pageSize);
        Paging paging = Paging.of(number, found.total(), pageSize);
        if (found.articles().isEmpty() || !paging.exists()) {
            return notFound(base, locale);
        }
        String name = topic.get().name();
        String path = topicPath(locale, slug, 1);
        List<Map<String, Object>> items = found.articles().stream()
                .map(a -> Map.<String, Object>of("href", articlePath(locale, a.slug()), "title", a.title(), "summary", a.summary()))
                .toList();
        String pageLine = words.format(locale, "site.index.pageOf", Map.of("page", paging.page(), "pages", paging.pages()));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("breadcrumbs", breadcrumbs(locale, List.of(crumb(name, null))));
        content.put("heading", name);
        content.put("pageLine", pageLine);
        content.put("items", items);
        if (paging.pages() > 1) {
            content.put("paging", pagingNav(locale, paging, n -> topicPath(locale, slug, n), "site.index.pages"));
        }
        Map<String, Object> page = frame(base, locale, paging.page() == 1 ? name : name + " – " + pageLine, null,
                topicPath(locale, slug, paging.page()), switcher(locale, Map.of()));
        page.put("canonical", base + topicPath(locale, slug, paging.page()));
        pageLinks(page, base, paging, n -> topicPath(locale, slug, n));
        page.put("jsonLd", json(breadcrumbList(base, locale, List.of(crumb(name, base + path)))));
        page.put("content", render("topic", content));
        return RenderedPage.of(200, HTML, render("page", page), null, locale)
                .dependingOn(PageDependency.locale(locale), PageDependency.TOPICS);
    }

    /** The address of a page of a topic's articles, the same for a link and for the page cache. */
    public static String topicPath(String locale, String slug, long page) {
        return "/" + locale + "/topics/" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + (page > 1 ? "?page=" + page : "");
    }

    private static Map<String, Object> crumb(String name, String href) {
        Map<String, Object> crumb = new LinkedHashMap<>();
        crumb.put("name", name);
        crumb.put("href", href);
        return crumb;
    }

    /** The breadcrumbs nav: home, then these (the last one is this page). */
    private Map<String, Object> breadcrumbs(String locale, List<Map<String, Object>> trail) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(crumb(words.text(locale, "site.breadcrumbs.home"), "/" + locale + "/"));
        for (int i = 0; i < trail.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>(trail.get(i));
            if (i == trail.size() - 1) {
                item.put("current", true);
                item.remove("href");
            }
            items.add(item);
        }
        return Map.of("label", words.text(locale, "site.breadcrumbs.label"), "items", items);
    }

    /** schema.org {@code BreadcrumbList}: home, then these, each with its absolute address. */
    private Map<String, Object> breadcrumbList(String base, String locale, List<Map<String, Object>> trail) {
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(crumb(words.text(locale, "site.breadcrumbs.home"), base + "/" + locale + "/"));
        all.addAll(trail);
        List<Map<String, Object>> elements = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Map<String, Object> element = new LinkedHashMap<>();
            element.put("@type", "ListItem");
            element.put("position", i + 1);
            element.put("name", all.get(i).get("name"));
            element.put("item", all.get(i).get("href"));
            elements.add(element);
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("@context", "https://schema.org");
        list.put("@type", "BreadcrumbList");
        list.put("itemListElement", elements);
        return list;
    }

    /**
     * The page behind a preview link: the one revision it names, as its article page would show
     * it, under a banner saying that it is not published and until when the link works, and kept
     * out of search engines. Empty when the revision is gone.
     */
    @Transactional
    public Optional<RenderedPage> preview(PreviewLink link, String token) {
        return store.variant(link.articleId(), link.locale())
                .flatMap(variant -> store.revision(variant, link.revision()))
                .map(revision -> previewPage(link, token, revision));
    }

    /**
     * A person's public profile in a locale: their name, credentials and bio (nearest along the
     * locale's fallback chain, marked with their language), and the articles published in the
     * locale that they wrote or signed off, newest first, at most {@code cms.site.index-page-size}.
     * The not-found page for an unknown slug or a profile that is not public.
     */
    @Transactional
    public RenderedPage person(String base, String locale, String slug) {
        Optional<People.Person> found = people.bySlug(slug, locale);
        if (found.isEmpty()) {
            return notFound(base, locale);
        }
        People.Person person = found.get();
        List<Map<String, Object>> items = new ArrayList<>();
        for (ArticleVariant variant : people.articlesOf(person.username(), locale, pageSize)) {
            Revision live = variant.getLive().orElseThrow();
            items.add(Map.of("href", articlePath(locale, live.getSlug()), "title", live.getTitle(), "summary", live.getSummary()));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", words(person.name(), locale));
        content.put("nameDir", person.name().lang() == null ? null : WritingDirection.of(person.name().lang()));
        content.put("credentials", words(person.credentials(), locale));
        content.put("bio", words(person.bio(), locale));
        content.put("articlesHeading", words.text(locale, "site.people.articles"));
        content.put("items", items);
        content.put("empty", items.isEmpty());
        content.put("emptyText", words.text(locale, "site.people.noArticles"));
        String path = People.profilePath(locale, slug);
        Map<String, Object> page = frame(base, locale, person.name().text(),
                person.bio() == null ? null : person.bio().text(), path, switcher(locale, Map.of()));
        page.put("canonical", base + path);
        page.put("content", render("person", content));
        return RenderedPage.of(200, HTML, render("page", page), null, locale)
                .dependingOn(PageDependency.PEOPLE, PageDependency.locale(locale));
    }

    /** A profile's text for a template: its text, and its language and direction where it is not the page's. */
    private static Map<String, Object> words(People.Words text, String locale) {
        if (text == null) {
            return null;
        }
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("text", text.text());
        if (text.lang() != null && !text.lang().equals(locale)) {
            scope.put("lang", text.lang());
            scope.put("dir", WritingDirection.of(text.lang()));
        }
        return scope;
    }

    /** Who publishes the library, how it is funded and its editorial policy, from the i18n bundles. */
    public RenderedPage disclosure(String base, String locale) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (String part : List.of("publisher", "funding", "policy")) {
            sections.add(Map.of("id", part, "heading", words.text(locale, "site.disclosure." + part + "Heading"),
                    "text", words.text(locale, "site.disclosure." + part)));
        }
        Map<String, Object> content = Map.of("heading", words.text(locale, "site.disclosure.heading"), "sections", sections);
        Map<String, Object> page = frame(base, locale, words.text(locale, "site.disclosure.heading"), null,
                disclosurePath(locale), switcher(locale, Map.of()));
        page.put("canonical", base + disclosurePath(locale));
        page.put("alternates", locales.all().stream().map(tag -> alternate(tag, base + disclosurePath(tag))).toList());
        page.put("content", render("disclosure", content));
        return RenderedPage.of(200, HTML, render("page", page), null, locale);
    }

    /** The one page for anything unpublished, unknown or archived: it says nothing about what exists. */
    public RenderedPage notFound(String base, String locale) {
        String tag = locales.find(locale).orElse(locales.defaultLocale());
        Map<String, Object> content = Map.of("heading", words.text(tag, "site.notFound.heading"),
                "text", words.text(tag, "site.notFound.text"), "homeLink", words.text(tag, "site.notFound.home"),
                "lang", tag);
        Map<String, Object> page = frame(base, tag, words.text(tag, "site.notFound.heading"), null, null,
                switcher(tag, Map.of()));
        page.put("robots", "noindex");
        page.put("content", render("not-found", content));
        return RenderedPage.of(404, HTML, render("page", page), null, tag);
    }

    public String bestLocale(String acceptLanguage) {
        return locales.bestMatch(acceptLanguage).orElse(locales.defaultLocale());
    }

    private RenderedPage articlePage(String base, String locale, ArticleVariant shown, Revision live,
            Map<String, ArticleVariant> byLocale) {
        Article article = shown.getArticle();
        String shownLocale = shown.getLocale();
        String canonical = base + articlePath(shownLocale, live.getSlug());
        Optional<MedicalReview> review = reReviews.lastSignOff(shown);
        Locale readerLocale = Locale.forLanguageTag(locale);

        List<String> notices = new ArrayList<>();
        if (!shownLocale.equals(locale)) {
            notices.add(words.format(locale, "article.notice.fallback", Map.of(
                    "requested", LanguageNames.inText(locale, readerLocale),
                    "shown", LanguageNames.inText(shownLocale, readerLocale))));
        }
        if (!shown.isSource()) {
            TranslationState state = translations.of(article, shownLocale);
            if (state.status() == TranslationStatus.OUTDATED) {
                notices.add(state.safetyRelevant() && safetyPolicy.kind() == SafetyPolicy.Kind.NOTICE
                        ? words.format(locale, "article.notice.safety", Map.of("date",
                                Date.from(article.sourceVariant().getUpdatedAt())))
                        : words.text(locale, "article.notice.outdated"));
            }
        }
        Optional<ReReviews.Dates> dates = review.map(r -> reReviews.dates(r.getReviewedAt()));
        boolean overdue = dates.filter(d -> d.overdueAt(reReviews.now())).isPresent();
        if (overdue) {
            notices.add(words.format(locale, "article.notice.reviewOverdue", Map.of("due", Date.from(dates.get().dueAt()))));
        }
        People.Byline byline = people.bylineOf(article.getId(), review, locale);
        BylineHtml bylineHtml = new BylineHtml(words, locale);
        Map<String, Object> content = articleContent(locale, shownLocale, live, notices,
                review.map(r -> reviewLine(bylineHtml, byline.reviewer(), r)).orElse(null), modified(shown));
        if (!byline.authors().isEmpty()) {
            content.put("bylineHtml", bylineHtml.sentence("article.byline", Map.of(), Map.of("authors",
                    bylineHtml.list(byline.authors().stream().map(a -> bylineHtml.person(a, true)).toList()))));
        }
        article.audience().ifPresent(a -> content.put("audience", words.text(locale, "article.audience." + a.value())));
        articleDisclosure(article, shownLocale, locale).ifPresent(d -> content.put("disclosure", Map.of(
                "heading", words.text(locale, "article.disclosure.heading"),
                "text", d.text(), "lang", d.lang(), "dir", WritingDirection.of(d.lang()),
                "link", words.text(locale, "site.disclosure.link"), "href", disclosurePath(locale))));
        content.put("reviewDates", dates.map(d -> words.format(locale, "article.reviewDates",
                Map.of("reviewed", Date.from(d.lastReviewed()), "due", Date.from(d.dueAt())))).orElse(null));
        List<ChangeLogEntry> changes = changeLog.newest(shown, CHANGES_ON_PAGE);
        if (!changes.isEmpty()) {
            content.put("changes", Map.of(
                    "heading", words.text(locale, "article.changes.heading"),
                    "entries", changeEntries(locale, shownLocale, changes),
                    "all", words.text(locale, "article.changes.all"),
                    "href", changesPath(locale, live.getSlug())));
        }

        Map<String, Object> breadcrumbLd = topicParts(base, locale, shownLocale, article, live, content);

        Map<String, String> slugs = new LinkedHashMap<>();
        byLocale.forEach((tag, variant) -> slugs.put(tag, variant.getLive().orElseThrow().getSlug()));
        Map<String, Object> page = frame(base, locale, live.getTitle(), live.getSummary(), null, switcher(locale, slugs));
        page.put("canonical", canonical);
        page.put("alternates", Alternates.of(slugs, locales.defaultLocale(), article.getSourceLocale()).stream()
                .map(link -> alternate(link.hreflang(), base + link.path())).toList());
        page.put("jsonLd", jsonLd(base, canonical, shownLocale, live, shown, review, byline, breadcrumbLd));
        page.put("content", render("article", content));
        Instant lastModified = review.map(MedicalReview::getReviewedAt).filter(t -> t.isAfter(shown.getUpdatedAt()))
                .orElse(shown.getUpdatedAt());
        if (overdue && dates.get().overdueFrom().isAfter(lastModified)) {
            // the notice appeared then: a conditional request from before must get the page anew
            lastModified = dates.get().overdueFrom();
        }
        return RenderedPage.of(200, HTML, render("page", page), lastModified, shownLocale)
                .freshUntil(overdue ? null : dates.map(ReReviews.Dates::overdueFrom).orElse(null))
                .dependingOn(PageDependency.PEOPLE);
    }

    /**
     * An article's breadcrumbs (home › its first topic › the article), its topics as links to their
     * pages in the article's language, and the related articles in the reader's; returns the
     * breadcrumbs as a schema.org {@code BreadcrumbList}.
     */
    private Map<String, Object> topicParts(String base, String locale, String shownLocale, Article article, Revision live,
            Map<String, Object> content) {
        List<PublishedTopics.NamedTopic> named = live.getTopics().isEmpty() ? List.of() : topics.ofRevision(live.getId(), shownLocale);
        List<Map<String, Object>> trail = new ArrayList<>();
        if (!named.isEmpty()) {
            PublishedTopics.NamedTopic first = named.get(0);
            trail.add(crumb(first.name(), topicPath(shownLocale, first.slug(), 1)));
            content.put("topicLinks", Map.of("heading", words.text(locale, "article.topics"), "items", named.stream()
                    .map(t -> Map.of("name", t.name(), "href", topicPath(shownLocale, t.slug(), 1))).toList()));
        }
        trail.add(crumb(live.getTitle(), articlePath(shownLocale, live.getSlug())));
        // topic names and the title are in the article's language, the nav in the reader's
        Map<String, Object> nav = breadcrumbs(locale, trail.stream().map(c -> {
            Map<String, Object> item = new LinkedHashMap<>(c);
            item.put("crumbLang", shownLocale.equals(locale) ? null : shownLocale);
            return item;
        }).toList());
        content.put("breadcrumbs", nav);
        List<PublishedTopics.Listed> related = live.getTopics().isEmpty() ? List.of()
                : topics.related(live.getId(), article.getId(), locale);
        if (!related.isEmpty()) {
            content.put("relatedArticles", Map.of("heading", words.text(locale, "article.related"), "items", related.stream()
                    .map(a -> Map.of("href", articlePath(locale, a.slug()), "title", a.title())).toList()));
        }
        List<Map<String, Object>> absolute = trail.stream().map(c -> crumb((String) c.get("name"), base + c.get("href"))).toList();
        return breadcrumbList(base, locale, absolute);
    }

    private RenderedPage previewPage(PreviewLink link, String token, Revision revision) {
        String locale = link.locale();
        Messages banner = Messages.in(Locale.forLanguageTag(locale));
        String notPublished = banner.text("preview.banner.notPublished");
        Map<String, Object> content = articleContent(locale, locale, revision, List.of(), null, revision.getCreatedAt(), token);
        Map<String, Object> page = frame(null, locale, revision.getTitle() + " (" + notPublished + ")",
                revision.getSummary(), null, List.of());
        page.put("preview", Map.of("heading", notPublished, "expires", banner.format("preview.banner.expires",
                Map.of("expiresAt", link.expiresAt().atZone(ZoneOffset.UTC)))));
        page.put("robots", "noindex");
        page.put("content", render("article", content));
        return RenderedPage.of(200, HTML, render("page", page), null, locale);
    }

    /** The article element with what surrounds it: the same for readers and for a preview. */
    private Map<String, Object> articleContent(String locale, String shownLocale, Revision revision, List<String> notices,
            String reviewLine, Instant updatedAt) {
        return articleContent(locale, shownLocale, revision, notices, reviewLine, updatedAt, null);
    }

    /** @param previewToken the preview link the page is shown through, whose token its images carry; null for readers */
    private Map<String, Object> articleContent(String locale, String shownLocale, Revision revision, List<String> notices,
            String reviewLine, Instant updatedAt, String previewToken) {
        // its own references, then those of the reviewed statements it shows
        List<ArticleHtml.Citation> references = html.citationsWithStatements(revision);
        Map<String, Object> content = new LinkedHashMap<>();
        // the chrome and notices speak the reader's language; the article its own
        content.put("lang", shownLocale);
        content.put("dir", WritingDirection.of(shownLocale));
        content.put("readerLang", locale);
        content.put("readerDir", WritingDirection.of(locale));
        content.put("notices", notices);
        content.put("title", revision.getTitle());
        // a summary that only repeats the body's first paragraph is shown once, as the body
        content.put("summary", revision.getSummary().isBlank() || ArticleHtml.repeatsOpening(revision.getSummary(), revision.getBody())
                ? null : revision.getSummary());
        content.put("reviewHtml", reviewLine);
        content.put("bodyHtml", html.render(revision, previewToken));
        content.put("hasReferences", !references.isEmpty());
        content.put("referencesHeading", words.text(locale, "article.references"));
        content.put("references", references);
        content.put("updatedLine", words.format(locale, "article.updated", Map.of("date", Date.from(updatedAt))));
        content.put("disclaimer", words.text(locale, "article.disclaimer"));
        return content;
    }

    /** "Medically reviewed by <a>name</a>, credentials, on date", the reviewer's words in the reader's locale where they have them. */
    private static String reviewLine(BylineHtml html, People.Person reviewer, MedicalReview review) {
        Map<String, String> people = new LinkedHashMap<>();
        people.put("reviewer", html.person(reviewer, false));
        if (reviewer.credentials() != null) {
            people.put("credentials", html.text(reviewer.credentials()));
        }
        return html.sentence(reviewer.credentials() == null ? "article.review.byName" : "article.review.byNameWithCredentials",
                Map.of("date", Date.from(review.getReviewedAt())), people);
    }

    /**
     * When readers' page last changed: the publication of its live revision, which dates its newest
     * change-log entry too and is the sitemaps' {@code lastmod}; saving a draft does not change it.
     */
    private static Instant modified(ArticleVariant shown) {
        return shown.getPublishedAt().orElse(shown.getUpdatedAt());
    }

    /** The article's own disclosure: in the locale shown, else the nearest along the reader's chain, else the source's. */
    private Optional<People.Words> articleDisclosure(Article article, String shownLocale, String locale) {
        List<String> tried = new ArrayList<>(List.of(shownLocale));
        tried.addAll(fallback.chain(locale));
        tried.add(article.getSourceLocale());
        return tried.stream().flatMap(tag -> article.disclosure(tag).map(text -> new People.Words(text, tag)).stream()).findFirst();
    }

    /** The address of the site-wide disclosure page in a locale. */
    public static String disclosurePath(String locale) {
        return "/" + locale + "/about/disclosure";
    }

    private String jsonLd(String base, String url, String locale, Revision live, ArticleVariant shown, Optional<MedicalReview> review,
            People.Byline byline, Map<String, Object> breadcrumb) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "MedicalWebPage");
        data.put("name", live.getTitle());
        data.put("headline", live.getTitle());
        if (!live.getSummary().isBlank()) {
            data.put("description", live.getSummary());
        }
        data.put("inLanguage", locale);
        data.put("url", url);
        data.put("dateModified", modified(shown).toString());
        if (!live.getTopics().isEmpty()) {
            data.put("keywords", String.join(", ", live.getTopics()));
            data.put("about", live.getTopics().stream().map(topic -> thing("Thing", "name", topic)).toList());
        }
        shown.getArticle().audience().ifPresent(audience -> {
            // schema.org MedicalAudienceType: patients (and their carers) or clinicians
            Map<String, Object> who = thing("MedicalAudience", "audienceType",
                    audience == Audience.PATIENTS ? "Patient" : "Clinician");
            data.put("audience", who);
        });
        if (!byline.authors().isEmpty()) {
            data.put("author", byline.authors().stream().map(a -> person(base, a)).toList());
        }
        review.ifPresent(r -> {
            data.put("lastReviewed", r.getReviewedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
            data.put("reviewedBy", person(base, byline.reviewer()));
        });
        if (!live.getReferences().isEmpty()) {
            data.put("citation", live.getReferences().stream().map(ReaderPages::citation).toList());
        }
        Map<String, Object> trail = new LinkedHashMap<>(breadcrumb);
        trail.remove("@context");
        data.put("breadcrumb", trail);
        return json(data);
    }

    private static String json(Map<String, Object> data) {
        try {
            return JSON_LD.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> thing(String type, String key, Object value) {
        Map<String, Object> thing = new LinkedHashMap<>();
        thing.put("@type", type);
        thing.put(key, value);
        return thing;
    }

    /** A schema.org Person: name, profile address, credentials as job title, bio as description. */
    private static Map<String, Object> person(String base, People.Person person) {
        Map<String, Object> data = thing("Person", "name", person.name().text());
        if (person.path() != null) {
            data.put("url", base + person.path());
        }
        if (person.credentials() != null) {
            data.put("jobTitle", person.credentials().text());
        }
        if (person.bio() != null) {
            data.put("description", person.bio().text());
        }
        return data;
    }

    /** A reference as a schema.org CreativeWork, its DOI and PMID as identifiers. */
    private static Map<String, Object> citation(Reference reference) {
        Map<String, Object> work = thing("CreativeWork", "name", reference.getText());
        List<Map<String, Object>> identifiers = new ArrayList<>();
        if (reference.getDoi() != null) {
            Map<String, Object> doi = thing("PropertyValue", "propertyID", "DOI");
            doi.put("value", reference.getDoi());
            identifiers.add(doi);
        }
        if (reference.getPmid() != null) {
            Map<String, Object> pmid = thing("PropertyValue", "propertyID", "PMID");
            pmid.put("value", reference.getPmid());
            identifiers.add(pmid);
        }
        if (!identifiers.isEmpty()) {
            work.put("identifier", identifiers);
        }
        String href = ArticleHtml.citation(reference).href();
        if (href != null) {
            work.put("url", href);
        }
        return work;
    }

    private Map<String, Object> frame(String base, String locale, String title, String description, String path,
            List<Map<String, Object>> languages) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("lang", locale);
        page.put("dir", WritingDirection.of(locale));
        page.put("pageTitle", title.equals(words.text(locale, "site.name")) ? title
                : title + " – " + words.text(locale, "site.name"));
        page.put("description", description == null || description.isBlank() ? null : description);
        page.put("languages", languages);
        page.put("words", Map.of(
                "skip", words.text(locale, "site.skipToContent"),
                "site", words.text(locale, "site.name"),
                "languages", words.text(locale, "site.languages"),
                "searchLabel", words.text(locale, "site.search.label"),
                "searchPlaceholder", words.text(locale, "site.search.placeholder"),
                "searchButton", words.text(locale, "site.search.button"),
                "footer", words.text(locale, "site.footer"),
                "disclosure", words.text(locale, "site.disclosure.link")));
        page.put("disclosureHref", disclosurePath(locale));
        return page;
    }

    /** Links to the same page in every enabled locale: the article's own slug where it is published there. */
    private List<Map<String, Object>> switcher(String current, Map<String, String> slugs) {
        return locales.all().stream().map(tag -> Map.<String, Object>of(
                        "tag", tag,
                        "name", LanguageNames.inText(tag, Locale.forLanguageTag(tag)),
                        "href", slugs.containsKey(tag) ? articlePath(tag, slugs.get(tag)) : "/" + tag + "/",
                        "current", tag.equals(current)))
                .toList();
    }

    private static Map<String, String> alternate(String hreflang, String href) {
        return Map.of("hreflang", hreflang, "href", href);
    }

    private String render(String template, Object scope) {
        StringWriter out = new StringWriter(8192);
        templates.computeIfAbsent(template, name -> mustache.compile(name + ".mustache")).execute(out, scope);
        return out.toString();
    }

    static String articlePath(String locale, String slug) {
        return Alternates.articlePath(locale, slug);
    }

    /** The snippet as HTML: every character escaped, the matched words marked. */
    private static String highlight(String snippet) {
        String escaped = snippet == null ? "" : snippet.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
        return escaped.replace(String.valueOf(SiteSearch.MARK_START), "<mark>")
                .replace(String.valueOf(SiteSearch.MARK_END), "</mark>");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** JSON that may stand inside a script element: no character of it can close the element. */
    private static ObjectMapper jsonInsideScript() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private final int[] escapes = standardAsciiEscapesForJSON();

            {
                escapes['<'] = ESCAPE_STANDARD;
                escapes['>'] = ESCAPE_STANDARD;
                escapes['&'] = ESCAPE_STANDARD;
            }

            @Override
            public int[] getEscapeCodesForAscii() {
                return escapes;
            }

            @Override
            public SerializableString getEscapeSequence(int ch) {
                return null;
            }
        });
        return mapper;
    }
}
