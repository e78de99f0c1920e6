package org.medpub.cms.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.article.entity.TranslationStatus;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.Database;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.entity.InstantConverter;
import org.medpub.cms.workflow.control.ReReviews;

/**
 * The editorial list of every article, one row per article, narrowed by a {@link Filter}, in an
 * {@link Order}, a page at a time. Pages are read by keyset (the cursor names the last row's
 * sort key and id), never by offset, so that a later page costs what the first costs: the order
 * of last change and of title are index ranges on the article itself (V6).
 * <p>
 * Words are found by PostgreSQL's full-text search over title, summary and body of the current
 * revisions (the {@code simple} configuration and prefix matching, see V7), in one search document
 * per article that holds those of all its locales (V13); on H2 every word must occur, in any case,
 * in one of them.
 */
@ApplicationScoped
@Transactional
public class ArticleList {

    private static final int MOST_WORDS = 8;
    private static final int MOST_FOUND = 5_000;
    /** PostgreSQL's SQLSTATE of a statement cancelled by its {@code statement_timeout}. */
    private static final String QUERY_CANCELLED = "57014";

    /** The orders the list offers; {@code key} is the word in the URL. */
    public enum Order {
        CHANGED("changed"), TITLE("title"), REVIEW("review");

        private final String key;

        Order(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<Order> ofKey(String key) {
            return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
        }
    }

    /**
     * What the list is narrowed to; a null (or for words, blank) part narrows nothing. Words and
     * topics are looked for in every locale of an article. The locale alone keeps the articles
     * that have it; with a state, a reviewer, a translation status or "due", it is that locale's
     * variant that must be so (a status of {@code missing} in a locale: the articles without it).
     *
     * @param reviewer the reviewer a variant is assigned to (for "assigned to me", the caller)
     * @param due      only articles with a live revision due for medical review again, or soon
     */
    public record Filter(String words, WorkflowState state, String locale, TranslationStatus translation, String topic,
            String author, String reviewer, boolean due) {
    }

    /** One locale of a listed article. */
    public record Variant(String locale, WorkflowState state, TranslationStatus translation, String title, int revision,
            Integer live, String reviewer, Instant nextReview) {
    }

    /** One listed article: its source's title and locale, who created it, its last change, its variants. */
    public record Row(long id, String sourceLocale, String author, Instant changed, String sourceTitle,
            List<Variant> variants) {

        public Optional<Variant> variant(String locale) {
            return variants.stream().filter(v -> v.locale().equals(locale)).findFirst();
        }

        /** The title in this locale where the article has it, else the source's. */
        public String title(String locale) {
            return variant(locale).map(Variant::title).orElse(sourceTitle);
        }

        /** The earliest next review of its live variants, or null. */
        public Instant nextReview() {
            return variants.stream().map(Variant::nextReview).filter(Objects::nonNull).min(Comparator.naturalOrder())
                    .orElse(null);
        }

        public List<String> reviewers() {
            return variants.stream().map(Variant::reviewer).filter(Objects::nonNull).distinct().toList();
        }
    }

    /** A page of rows and the cursor of the next page (null on the last). */
    public record Page(List<Row> rows, String next) {
    }

    /** A query of the list ran longer than {@code cms.admin.list-timeout-millis} and was cancelled. */
    public static final class TooSlow extends RuntimeException {
        TooSlow(Throwable cancelled) {
            super("The articles list was stopped after its time limit", cancelled);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    @Inject
    ReReviews reReviews;

    @Inject
    EnabledLocales locales;

    @Inject
    @ConfigProperty(name = "cms.admin.list-timeout-millis")
    int timeoutMillis;

    /**
     * A page of at most {@code size} articles after the cursor {@code after} (null: the first page).
     *
     * @throws BusinessException.InvalidInput naming {@code after} when the cursor is not one this list gave out for the order
     * @throws TooSlow when a query ran longer than its time limit (PostgreSQL)
     */
    public Page page(Filter filter, Order order, String after, int size) {
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.read(order, after);
        try {
            return read(filter, order, cursor, size);
        } catch (PersistenceException failed) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && QUERY_CANCELLED.equals(sql.getSQLState())) {
                    throw new TooSlow(failed);
                }
            }
            throw failed;
        }
    }

    private Page read(Filter filter, Order order, Cursor cursor, int size) {
        if (database.vendor().equals("postgresql")) {
            // for every query of this transaction: a time limit, since no combination of filters may
            // keep a request (and a connection) busy for longer; and no parallel workers, whose start
            // cost a page of 50 rows 10-60 ms on a busy machine for 3 ms of work (a topic and an author)
            em.createNativeQuery("select set_config('statement_timeout', ?1, true),"
                            + " set_config('max_parallel_workers_per_gather', '0', true)")
                    .setParameter(1, timeoutMillis + "ms").getSingleResult();
        }
        boolean rare = rare(filter.words());
        List<Object[]> rows = switch (order) {
            case CHANGED -> select(filter, rare, cursor == null ? null
                    : sql -> "(a.updated_at, a.id) < (" + sql.add(at(cursor.time())) + ", " + sql.add(cursor.id()) + ")",
                    "a.updated_at desc, a.id desc", size + 1);
            case TITLE -> select(filter, rare, cursor == null ? null
                    : sql -> "(a.title, a.id) > (" + sql.add(cursor.text()) + ", " + sql.add(cursor.id()) + ")",
                    "a.title, a.id", size + 1);
            case REVIEW -> byNextReview(filter, rare, cursor, size + 1);
        };
        boolean more = rows.size() > size;
        List<Object[]> shown = more ? rows.subList(0, size) : rows;
        String next = null;
        if (more) {
            Object[] last = shown.get(shown.size() - 1);
            long id = ((Number) last[0]).longValue();
            next = switch (order) {
                case CHANGED -> new Cursor(order, InstantConverter.fromColumn(last[3]), null, id).write();
                case TITLE -> new Cursor(order, null, (String) last[4], id).write();
                case REVIEW -> new Cursor(order, InstantConverter.fromColumn(last[5]), null, id).write();
            };
        }
        return new Page(rows(shown), next);
    }

    /**
     * Soonest next review first (the earliest last sign-off), then the articles without one: two
     * index ranges, the second read only when the first ends on this page.
     */
    private List<Object[]> byNextReview(Filter filter, boolean rare, Cursor cursor, int limit) {
        List<Object[]> rows = new ArrayList<>();
        if (cursor == null || cursor.time() != null) {
            rows.addAll(select(filter, rare, sql -> cursor == null ? "a.signed_off_at is not null"
                    : "(a.signed_off_at, a.id) > (" + sql.add(at(cursor.time())) + ", " + sql.add(cursor.id()) + ")",
                    "a.signed_off_at, a.id", limit));
        }
        if (rows.size() < limit) {
            rows.addAll(select(filter, rare, sql -> "a.signed_off_at is null"
                    + (cursor == null || cursor.time() != null ? "" : " and a.id > " + sql.add(cursor.id())),
                    "a.id", limit - rows.size()));
        }
        return rows;
    }

    /**
     * Rows of {@code id, source_locale, created_by, updated_at, title, signed_off_at}. The limit is
     * in the SQL: a native query's {@code setMaxResults} only stops the driver reading, and the
     * planner, not told, planned for every row (a sort of all 100 000 articles by title). For
     * {@code rare} words the matching articles are read first, from the words' index, and sorted:
     * {@code offset 0} keeps the planner from walking the order's index instead.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> select(Filter filter, boolean rare, Function<Sql, String> keyset, String order, int limit) {
        Sql sql = new Sql();
        String rows = "select a.id, a.source_locale, a.created_by, a.updated_at, a.title, a.signed_off_at from article a where "
                + conditions(filter, sql) + (keyset == null ? "" : " and " + keyset.apply(sql));
        var query = em.createNativeQuery((rare ? "select * from (" + rows + " offset 0) a" : rows)
                + " order by " + order + " limit " + limit);
        sql.bind(query);
        return query.getResultList();
    }

    private String conditions(Filter filter, Sql sql) {
        List<String> where = new ArrayList<>();
        where.add("1 = 1");
        String locale = filter.locale();
        // a parameter of its own at each use: the same numbered parameter twice is not for every driver
        Supplier<String> inLocale = () -> locale == null ? "" : " and v.locale = " + sql.add(locale);
        if (filter.state() != null || filter.reviewer() != null) {
            where.add("exists (select 1 from variant v where v.article_id = a.id" + inLocale.get()
                    + (filter.state() == null ? "" : " and v.state = " + sql.add(filter.state().key()))
                    + (filter.reviewer() == null ? "" : " and v.assigned_reviewer = " + sql.add(filter.reviewer())) + ")");
        } else if (locale != null && filter.translation() == null) {
            where.add("exists (select 1 from variant v where v.article_id = a.id" + inLocale.get() + ")");
        }
        if (filter.translation() != null) {
            where.add(translation(filter.translation(), locale, inLocale, sql));
        }
        if (filter.topic() != null) {
            where.add("exists (select 1 from variant v join revision_topic t on t.revision_id = v.current_revision_id"
                    + " where v.article_id = a.id and t.topic = " + sql.add(filter.topic()) + ")");
        }
        if (filter.author() != null) {
            where.add("a.created_by = " + sql.add(filter.author()));
        }
        if (filter.due()) {
            // the article keeps the earliest last sign-off of its locales; a locale, its own
            Instant dueIfBy = reReviews.dueIfSignedOffBy();
            where.add(locale == null ? "a.signed_off_at <= " + sql.add(at(dueIfBy))
                    : "exists (select 1 from variant v where v.article_id = a.id" + inLocale.get()
                            + " and v.live_signed_off_at <= " + sql.add(at(dueIfBy)) + ")");
        }
        List<String> words = words(filter.words());
        if (!words.isEmpty()) {
            where.add(database.vendor().equals("postgresql") ? "a.search_words @@ " + query(words, sql)
                    : "a.id in (select v.article_id from variant v join revision r on r.id = v.current_revision_id"
                            + " where " + like(words, sql) + ")");
        }
        return String.join(" and ", where);
    }

    /**
     * On PostgreSQL, whether at most {@value #MOST_FOUND} articles hold the words (a rarer word): the
     * list then reads those and sorts them. Otherwise, and on H2, the list walks the articles in its
     * order and checks each, and a common word is met soon. Counting first, up to that bound, from
     * the index (about 2 ms) keeps both costs small whatever the order: walking the titles for a word
     * in 5 % of the articles, all titled late in the alphabet, read most articles (74 ms).
     */
    private boolean rare(String typed) {
        List<String> words = words(typed);
        if (words.isEmpty() || !database.vendor().equals("postgresql")) {
            return false;
        }
        Sql sql = new Sql();
        var counted = em.createNativeQuery("select count(*) from (select 1 from article a where a.search_words @@ "
                + query(words, sql) + " limit " + (MOST_FOUND + 1) + ") found");
        sql.bind(counted);
        return ((Number) counted.getSingleResult()).longValue() <= MOST_FOUND;
    }

    /** The translation status in SQL, as {@link TranslationStatus#of} has it; without a locale, in any locale. */
    private String translation(TranslationStatus wanted, String locale, Supplier<String> inLocale, Sql sql) {
        Supplier<String> translated = () -> "v.article_id = a.id and v.locale <> a.source_locale" + inLocale.get();
        return switch (wanted) {
            case SOURCE -> locale == null ? "1 = 1" : "a.source_locale = " + sql.add(locale);
            case MISSING -> lacksAnEnabledLocale(locale, sql) + (locale == null
                    ? "(select count(*) from variant v where v.article_id = a.id and v.locale in ("
                            + locales.all().stream().map(sql::add).collect(Collectors.joining(", ")) + ")) < "
                            + sql.add(locales.all().size())
                    : "a.source_locale <> " + sql.add(locale) + " and not exists (select 1 from variant v where v.article_id = a.id"
                            + inLocale.get() + ")");
            case IN_PROGRESS -> "exists (select 1 from variant v where " + translated.get() + " and v.live_revision_id is null)";
            case OUTDATED -> "exists (select 1 from variant v where " + translated.get() + " and v.outdated = true)";
            case CURRENT -> "exists (select 1 from variant v join revision l on l.id = v.live_revision_id where " + translated.get()
                    + " and not exists (select 1 from variant s join revision sl on sl.id = s.live_revision_id"
                    + " where s.article_id = a.id and s.locale = a.source_locale and l.source_revision < sl.revision_no))";
        };
    }

    /**
     * What an article missing an enabled locale has not: a variant in every enabled locale, kept
     * on the article as its locales (V12). Usually most articles have them all; the two index
     * ranges either side of that one value then leave the few others to check one by one, where
     * the check alone visited the variants of every article (0.3-0.7 s at 100 000 articles).
     */
    private String lacksAnEnabledLocale(String locale, Sql sql) {
        if (locale != null && !locales.all().contains(locale)) {
            return "";
        }
        String all = locales.all().stream().sorted().distinct().collect(Collectors.joining(" "));
        return "(a.locales < " + sql.add(all) + " or a.locales > " + sql.add(all) + ") and ";
    }

    /** The words as a PostgreSQL text-search query, each a prefix. */
    private static String query(List<String> words, Sql sql) {
        return "to_tsquery('simple'::regconfig, " + sql.add(words.stream().map(w -> w + ":*").collect(Collectors.joining(" & ")))
                + ")";
    }

    /** On H2: every word, in any case, in the title, summary or body of the revision {@code r}. */
    private static String like(List<String> words, Sql sql) {
        return words.stream().map(word -> {
            String like = sql.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            return "(lower(r.title) like " + like + " escape '\\' or lower(r.summary) like " + like
                    + " escape '\\' or lower(r.body) like " + like + " escape '\\')";
        }).collect(Collectors.joining(" and "));
    }

    /** The words of a search, in lower case: letters and digits only, so nothing in them is query syntax. */
    static List<String> words(String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(typed.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .distinct()
                .limit(MOST_WORDS)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(List<Object[]> articles) {
        if (articles.isEmpty()) {
            return List.of();
        }
        String ids = articles.stream().map(a -> String.valueOf(((Number) a[0]).longValue())).collect(Collectors.joining(", "));
        List<Object[]> variants = em.createNativeQuery("select v.article_id, v.locale, v.state, v.assigned_reviewer, r.title,"
                        + " r.revision_no, l.revision_no, l.source_revision, v.live_signed_off_at"
                        + " from variant v join revision r on r.id = v.current_revision_id"
                        + " left join revision l on l.id = v.live_revision_id where v.article_id in (" + ids + ")")
                .getResultList();
        Map<Long, List<Object[]>> byArticle = variants.stream()
                .collect(Collectors.groupingBy(v -> ((Number) v[0]).longValue(), LinkedHashMap::new, Collectors.toList()));
        List<String> enabled = locales.all();
        Comparator<Variant> localeOrder = Comparator.comparing((Variant v) -> enabled.contains(v.locale())
                ? enabled.indexOf(v.locale()) : enabled.size()).thenComparing(Variant::locale);
        List<Row> rows = new ArrayList<>();
        for (Object[] article : articles) {
            long id = ((Number) article[0]).longValue();
            String sourceLocale = (String) article[1];
            List<Object[]> own = byArticle.getOrDefault(id, List.of());
            Integer sourceLive = own.stream().filter(v -> sourceLocale.equals(v[1])).findFirst()
                    .map(v -> number(v[6])).orElse(null);
            List<Variant> shown = own.stream().map(v -> {
                Integer live = number(v[6]);
                Instant signedOff = InstantConverter.fromColumn(v[8]);
                TranslationStatus status = sourceLocale.equals(v[1]) ? TranslationStatus.SOURCE
                        : TranslationStatus.ofTranslation(live != null, number(v[7]), sourceLive);
                return new Variant((String) v[1], WorkflowState.ofKey((String) v[2]), status, (String) v[4],
                        number(v[5]), live, (String) v[3], signedOff == null ? null : reReviews.dueAt(signedOff));
            }).sorted(localeOrder).toList();
            rows.add(new Row(id, sourceLocale, (String) article[2], InstantConverter.fromColumn(article[3]),
                    (String) article[4], shown));
        }
        return rows;
    }

    private static Integer number(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The parameters of one native query, numbered as they are added. */
    private static final class Sql {
        private final List<Object> values = new ArrayList<>();

        String add(Object value) {
            values.add(value);
            return "?" + values.size();
        }

        void bind(jakarta.persistence.Query query) {
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
        }
    }

    /**
     * Where a page ends: the last row's sort key and id, for the order it was given in. Written
     * into the URL as Base64 (URL alphabet) of {@code order~key~id}; a time as epoch microseconds,
     * the precision both databases keep.
     */
    record Cursor(Order order, Instant time, String text, long id) {

        String write() {
            String key = switch (order) {
                case TITLE -> text;
                case CHANGED, REVIEW -> time == null ? "" : String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, time));
            };
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((order.key() + "~" + key + "~" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor read(Order order, String written) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(written), StandardCharsets.UTF_8);
                int first = text.indexOf('~');
                int last = text.lastIndexOf('~');
                if (first < 0 || first == last || !text.substring(0, first).equals(order.key())) {
                    throw new IllegalArgumentException("not a cursor of this order");
                }
                String key = text.substring(first + 1, last);
                long id = Long.parseLong(text.substring(last + 1));
                return switch (order) {
                    case TITLE -> new Cursor(order, null, key, id);
                    case CHANGED -> new Cursor(order, micros(Long.parseLong(key)), null, id);
                    case REVIEW -> new Cursor(order, key.isEmpty() ? null : micros(Long.parseLong(key)), null, id);
                };
            } catch (IllegalArgumentException unreadable) {
                throw new BusinessException.InvalidInput("after", "This is not a page of the list in this order");
            }
        }

        private static Instant micros(long micros) {
            return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        }
    }
}
