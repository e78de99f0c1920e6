package org.medpub.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.medpub.cms.platform.control.Database;

/**
 * Finds published articles of a locale by the words a reader types. On PostgreSQL this is its
 * full-text search with the language's stemming configuration ({@code simple} where PostgreSQL
 * has none), ranked, title words weighing most, with the matching passage as snippet. The
 * embedded H2 database has no stemming: there every word must occur as typed (any case) in the
 * title, summary or body, and the summary is the snippet.
 */
@ApplicationScoped
@Transactional
public class SiteSearch {

    /** One hit; in the snippet the matched words stand between {@link #MARK_START} and {@link #MARK_END}. */
    public record Hit(String title, String slug, String snippet) {
    }

    public static final char MARK_START = '\u0001';
    public static final char MARK_END = '\u0002';
    private static final int MOST_HITS = 20;
    private static final Map<String, String> LANGUAGES = Map.of(
            "en", "english", "es", "spanish", "de", "german", "fr", "french", "ar", "arabic",
            "it", "italian", "pt", "portuguese", "nl", "dutch");

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    private final Map<String, String> configurations = new ConcurrentHashMap<>();

    public List<Hit> search(String locale, String words) {
        String query = words == null ? "" : words.strip();
        if (query.isEmpty()) {
            return List.of();
        }
        return database.vendor().equals("postgresql") ? fullText(locale, query) : plain(locale, query);
    }

    @SuppressWarnings("unchecked")
    private List<Hit> fullText(String locale, String query) {
        String config = configurations.computeIfAbsent(locale, this::textSearchConfiguration);
        String document = "r.title || ' ' || r.summary || ' ' || r.body";
        // the snippet stands under the title: it quotes the summary and body, not the title again
        List<Object[]> rows = em.createNativeQuery("select r.title, r.slug, ts_headline(cast(?1 as regconfig), "
                        + "r.summary || ' ' || r.body, q, ?2) from variant v join revision r on r.id = v.live_revision_id,"
                        + " websearch_to_tsquery(cast(?1 as regconfig), ?3) q"
                        + " where v.locale = ?4 and to_tsvector(cast(?1 as regconfig), " + document + ") @@ q"
                        + " order by ts_rank(setweight(to_tsvector(cast(?1 as regconfig), r.title), 'A')"
                        + " || to_tsvector(cast(?1 as regconfig), r.summary || ' ' || r.body), q) desc, v.id desc")
                .setParameter(1, config)
                .setParameter(2, "MaxFragments=2, MaxWords=30, MinWords=10, StartSel="
                        + MARK_START + ", StopSel=" + MARK_END)
                .setParameter(3, query)
                .setParameter(4, locale)
                .setMaxResults(MOST_HITS)
                .getResultList();
        return rows.stream().map(row -> new Hit((String) row[0], (String) row[1], plainText((String) row[2]))).toList();
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

    private List<Hit> plain(String locale, String query) {
        List<String> terms = Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+")).limit(8).toList();
        StringBuilder jpql = new StringBuilder("select r from ArticleVariant v join v.live r where v.locale = :locale");
        for (int i = 0; i < terms.size(); i++) {
            jpql.append(" and (lower(r.title) like :t").append(i).append(" escape '\\' or lower(r.summary) like :t")
                    .append(i).append(" escape '\\' or lower(r.body) like :t").append(i).append(" escape '\\')");
        }
        var found = em.createQuery(jpql.append(" order by v.updatedAt desc").toString(),
                org.medpub.cms.article.entity.Revision.class).setParameter("locale", locale);
        for (int i = 0; i < terms.size(); i++) {
            found.setParameter("t" + i, "%" + terms.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return found.setMaxResults(MOST_HITS).getResultList().stream()
                .map(r -> new Hit(r.getTitle(), r.getSlug(), r.getSummary()))
                .toList();
    }

    private String textSearchConfiguration(String locale) {
        String language = LANGUAGES.get(Locale.forLanguageTag(locale).getLanguage());
        if (language == null) {
            return "simple";
        }
        @SuppressWarnings("unchecked")
        List<Object> known = em.createNativeQuery("select cfgname from pg_ts_config where cfgname = ?1")
                .setParameter(1, language)
                .getResultList();
        return known.isEmpty() ? "simple" : language;
    }

}
