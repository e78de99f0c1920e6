package org.medpub.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.Database;

/**
 * Finds published articles of a locale by the words a reader types, a page at a time. On
 * PostgreSQL this is its full-text search over {@code reader_search} (V16: the weighted words of
 * each live revision, parsed when it went live, in a GIN index), with the language's stemming
 * ({@code simple} where the product has none), ranked by {@code ts_rank_cd} (title above summary
 * above body), with the matching passage as snippet. The embedded H2 database has no stemming:
 * there every word must occur as typed (any case) in the title, summary or body, newest first, and
 * the summary is the snippet.
 * <p>
 * Every query is bounded: the words are cut to {@code cms.site.search-max-chars}, only the
 * {@code cms.site.search-ranked-matches} newest matches are counted and ranked (a very common word
 * matches most articles), the page's LIMIT is written into the SQL and the snippets are made for the
 * rows of that page alone.
 */
@ApplicationScoped
@Transactional
public class SiteSearch {

    /** One hit; in the snippet the matched words stand between {@link #MARK_START} and {@link #MARK_END}. */
    public record Hit(String title, String slug, String snippet) {
    }

    /**
     * What a reader asked for: the words searched (stripped, cut to the longest allowed), whether
     * they were cut, and the page (from 1, at most the last page the ranked matches can fill).
     */
    public record Request(String words, boolean cut, int page) {

        public boolean isEmpty() {
            return words.isEmpty();
        }
    }

    /**
     * A page of hits, and how many articles match: {@code count} is exact unless {@code more}, when
     * more than {@code count} (the ranked matches) do.
     */
    public record Found(List<Hit> hits, int count, boolean more) {
    }

    public static final char MARK_START = '\u0001';
    public static final char MARK_END = '\u0002';
    private static final int MOST_TERMS = 8;
    /** ts_rank_cd's weights of D, C (body), B (summary) and A (title): PostgreSQL's defaults, written out. */
    private static final String WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'";
    private static final String QUERY = "websearch_to_tsquery(reader_search_configuration(?1), ?2)";

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    @Inject
    @ConfigProperty(name = "cms.site.search-page-size")
    int pageSize;

    @Inject
    @ConfigProperty(name = "cms.site.search-ranked-matches")
    int rankedMatches;

    @Inject
    @ConfigProperty(name = "cms.site.search-max-chars")
    int maxChars;

    /** For the container's proxy. */
    protected SiteSearch() {
    }

    /** A search on its own, for unit tests of what it asks for. */
    SiteSearch(int pageSize, int rankedMatches, int maxChars) {
        this.pageSize = pageSize;
        this.rankedMatches = rankedMatches;
        this.maxChars = maxChars;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The last page that the ranked matches can fill. */
    public int mostPages() {
        return Math.max(1, (rankedMatches + pageSize - 1) / pageSize);
    }

    /**
     * The request behind {@code ?q=&page=}: the words stripped and, when longer than
     * {@code cms.site.search-max-chars}, cut at the last space within it (a word cut in half would
     * match nothing); a page that is not a positive number is the first one.
     */
    public Request request(String typed, String page) {
        String words = typed == null ? "" : typed.strip();
        boolean cut = words.length() > maxChars;
        if (cut) {
            int end = Character.isLowSurrogate(words.charAt(maxChars)) ? maxChars - 1 : maxChars;
            int space = Character.isWhitespace(words.charAt(end)) ? end : lastSpace(words, end);
            words = words.substring(0, space > 0 ? space : end).strip();
        }
        int number = 1;
        if (page != null && page.matches("[0-9]{1,9}")) {
            number = Math.min(Math.max(Integer.parseInt(page), 1), mostPages());
        }
        return new Request(words, cut, number);
    }

    private static int lastSpace(String text, int before) {
        for (int i = before - 1; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    public Found search(String locale, Request request) {
        if (request.isEmpty()) {
            return new Found(List.of(), 0, false);
        }
        int offset = (request.page() - 1) * pageSize;
        return database.vendor().equals("postgresql") ? fullText(locale, request.words(), offset)
                : plain(locale, request.words(), offset);
    }

    /**
     * One statement: the newest matches (one more than are ranked, to know whether there are more)
     * from the GIN index, their count, the ranked page of them, and the snippets of that page.
     * The ranking and the snippets stand in subqueries over rows already limited: PostgreSQL
     * computes a select list's functions before sorting when they are cheap by its estimate, which
     * made it rank, and make a snippet for, every match.
     */
    @SuppressWarnings("unchecked")
    private Found fullText(String locale, String words, int offset) {
        // planned for these words, not once for any: walking the newest pages and testing each suits a
        // common word, the GIN index a rare one, and a plan made for neither read every page of the
        // locale for a rare word (55-65 ms of PostgreSQL's CPU a search at 10 000 articles × 5 locales)
        em.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
        List<Object[]> rows = em.createNativeQuery("with matches as (select s.variant_id, s.published_at"
                        + " from reader_search s join variant v on v.id = s.variant_id where s.locale = ?1"
                        + PublishedArticles.ONLY_ARTICLES + " and s.words @@ " + QUERY
                        + " order by s.published_at desc, s.variant_id desc limit ?3),"
                        + " ranked as (select s.variant_id, s.revision_id, s.published_at, ts_rank_cd(" + WEIGHTS
                        + ", s.words, " + QUERY + ") as rank from (select m.variant_id from matches m"
                        + " order by m.published_at desc, m.variant_id desc limit ?4) m"
                        + " join reader_search s on s.variant_id = m.variant_id"
                        + " order by rank desc, s.published_at desc, s.variant_id desc limit ?5 offset ?6)"
                        // the snippet stands under the title: it quotes the summary and body, not the title again
                        + " select c.found, r.title, r.slug, ts_headline(reader_search_configuration(?1),"
                        + " r.summary || ' ' || r.body, " + QUERY + ", ?7)"
                        + " from (select count(*) as found from matches) c"
                        + " left join (ranked join revision r on r.id = ranked.revision_id) on true"
                        + " order by ranked.rank desc, ranked.published_at desc, ranked.variant_id desc")
                .setParameter(1, locale)
                .setParameter(2, words)
                .setParameter(3, rankedMatches + 1)
                .setParameter(4, rankedMatches)
                .setParameter(5, pageSize)
                .setParameter(6, offset)
                .setParameter(7, "MaxFragments=2, MaxWords=30, MinWords=10, StartSel="
                        + MARK_START + ", StopSel=" + MARK_END)
                .getResultList();
        int found = ((Number) rows.get(0)[0]).intValue();
        List<Hit> hits = rows.stream().filter(row -> row[1] != null)
                .map(row -> new Hit((String) row[1], (String) row[2], plainText((String) row[3]))).toList();
        return new Found(hits, Math.min(found, rankedMatches), found > rankedMatches);
    }

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINE_MARK = Pattern.compile("(?m)(^|\\.\\.\\. )[ \\t]*(?:#{1,6}|[-*+]|\\d{1,3}[.)]|>)[ \\t]+");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`");

    /**
     * A passage of the Markdown body as a reader reads it: headings' hashes, list bullets and
     * numbers, quote marks, emphasis marks and link targets taken out, lines run together. A
     * line's mark is found at the start of a line or of a fragment (after PostgreSQL's "... ").
     */
    static String plainText(String passage) {
        if (passage == null) {
            return null;
        }
        String text = LINK.matcher(passage).replaceAll("$1");
        text = LINE_MARK.matcher(text).replaceAll("$1");
        text = EMPHASIS.matcher(text).replaceAll("");
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * H2: each word (the first {@value #MOST_TERMS}) in the title, summary or body of the live
     * revision, newest first; the count stops at one more than are ranked on PostgreSQL, and the
     * page's LIMIT is in the SQL.
     */
    @SuppressWarnings("unchecked")
    private Found plain(String locale, String words, int offset) {
        List<String> terms = Arrays.stream(words.toLowerCase(Locale.ROOT).split("\\s+")).limit(MOST_TERMS).toList();
        StringBuilder where = new StringBuilder(" from variant v join revision r on r.id = v.live_revision_id where v.locale = ?"
                + PublishedArticles.ONLY_ARTICLES);
        for (int i = 0; i < terms.size(); i++) {
            where.append(" and (lower(r.title) like ? escape '\\' or lower(r.summary) like ? escape '\\'")
                    .append(" or lower(r.body) like ? escape '\\')");
        }
        List<Object> parameters = new ArrayList<>(List.of(locale));
        for (String term : terms) {
            String pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            parameters.addAll(List.of(pattern, pattern, pattern));
        }
        var count = em.createNativeQuery("select count(*) from (select v.id" + where + " limit ?) m");
        var page = em.createNativeQuery("select r.title, r.slug, r.summary" + where
                + " order by v.updated_at desc, v.id desc limit ? offset ?");
        for (int i = 0; i < parameters.size(); i++) {
            count.setParameter(i + 1, parameters.get(i));
            page.setParameter(i + 1, parameters.get(i));
        }
        int found = ((Number) count.setParameter(parameters.size() + 1, rankedMatches + 1).getSingleResult()).intValue();
        List<Object[]> rows = page.setParameter(parameters.size() + 1, pageSize).setParameter(parameters.size() + 2, offset)
                .getResultList();
        List<Hit> hits = rows.stream().map(row -> new Hit((String) row[0], (String) row[1], (String) row[2])).toList();
        return new Found(hits, Math.min(found, rankedMatches), found > rankedMatches);
    }

}
