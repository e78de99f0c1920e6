package org.medpub.cms.article.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.text.BreakIterator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleFields;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.ContradictingPhrase;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.BusinessException.FieldError;

/**
 * The statement library: short reviewed wordings of key claims, each an {@link Article} of kind
 * {@link Article#STATEMENT} (so revisions, review, translations and XLIFF are an article's). An
 * article embeds one with a line {@code {{statement:slug}}}, the slug of any of its locales.
 * <p>
 * What readers see of a statement in a locale ({@link #wording}): its published translation there
 * when that translates the source's live revision, else the source's live wording (marked with its
 * language); nothing while the source has none published, so no draft wording ever shows.
 * <p>
 * Claim checks: a statement's contradicting phrases per locale; an article of that locale that
 * contains one (in any case) has a {@link Finding} naming the phrase, its sentence and the statement.
 */
@ApplicationScoped
@Transactional
public class Statements {

    /** A line that embeds a statement, alone on its line. */
    public static final Pattern EMBEDDED = Pattern.compile("(?m)^[ \\t]{0,3}\\{\\{statement:(" + ArticleFields.SLUG
            + ")\\}\\}[ \\t]*$");
    /** The most phrases one locale's check reads, and one statement may carry per locale. */
    static final int MOST_PHRASES = 2000;
    public static final int PHRASES_PER_LOCALE = 50;
    public static final int PHRASE_MAX = 200;
    /** The most statements one list answers with, and the most pages the contradictions report names. */
    public static final int MOST_LISTED = 500;
    private static final int SENTENCE_SHOWN = 300;
    /** What starts a Markdown block on a line: a heading's hashes, a list item's bullet or number, a quote's mark. */
    private static final Pattern BLOCK_MARK = Pattern.compile("^(?:#{1,6}[ \\t]+|[-*+][ \\t]+|\\d{1,9}[.)][ \\t]+|>[ \\t]?)");

    /**
     * A statement's wording as a page in a locale shows it.
     *
     * @param locale the wording's language: the page's, or the statement's source language
     * @param reviewedAt its last sign-off (its publication when none is known)
     */
    public record Wording(long statementId, String slug, String locale, Revision live, Instant reviewedAt) {
    }

    /** A contradicting phrase found in a text: the phrase, the sentence it stands in, the statement it contradicts. */
    public record Finding(String phrase, String sentence, long statementId, String statementTitle) {
    }

    /** A published page that contains a contradicting phrase. */
    public record Contradiction(long articleId, String locale, String slug, String title, Finding finding) {
    }

    @PersistenceContext
    EntityManager em;

    /** The slugs a body embeds, each once, in order. */
    public static List<String> embeddedSlugs(String markdown) {
        Set<String> slugs = new LinkedHashSet<>();
        Matcher m = EMBEDDED.matcher(markdown == null ? "" : markdown);
        while (m.find()) {
            slugs.add(m.group(1));
        }
        return List.copyOf(slugs);
    }

    /** The statement with this slug in any locale, its source locale's first. */
    public Optional<Article> bySlug(String slug) {
        return em.createQuery("select v from ArticleVariant v join fetch v.article a where v.slug = :slug and a.kind = :kind",
                        ArticleVariant.class)
                .setParameter("slug", slug)
                .setParameter("kind", Article.STATEMENT)
                .setMaxResults(50)
                .getResultStream()
                .min(Comparator.comparing((ArticleVariant v) -> !v.isSource()).thenComparing(ArticleVariant::getId))
                .map(ArticleVariant::getArticle);
    }

    /** What readers in a locale see of the statement with this slug; empty when it is unknown or not published. */
    public Optional<Wording> wording(String slug, String locale) {
        return bySlug(slug).flatMap(statement -> wording(statement, slug, locale));
    }

    private Optional<Wording> wording(Article statement, String slug, String locale) {
        ArticleVariant source = statement.sourceVariant();
        Optional<Revision> sourceLive = source.getLive();
        if (sourceLive.isEmpty()) {
            return Optional.empty();
        }
        int sourceNumber = sourceLive.get().getNumber();
        ArticleVariant shown = statement.variant(locale)
                .filter(v -> !v.isSource() && v.getLive().map(r -> r.getSourceRevision() != null
                        && r.getSourceRevision() >= sourceNumber).orElse(false))
                .orElse(source);
        Revision live = shown.getLive().orElseThrow();
        return Optional.of(new Wording(statement.getId(), slug, shown.getLocale(), live, signedOff(shown)
                .orElse(shown.getPublishedAt().orElse(live.getCreatedAt()))));
    }

    /** The statements a body embeds that are known, by id: what its page depends on. */
    public Set<Long> embeddedIds(String markdown) {
        Set<Long> ids = new LinkedHashSet<>();
        embeddedSlugs(markdown).forEach(slug -> bySlug(slug).ifPresent(s -> ids.add(s.getId())));
        return ids;
    }

    /** The statements a body embeds that readers in the locale see, in order. */
    public List<Wording> wordings(String markdown, String locale) {
        List<Wording> wordings = new ArrayList<>();
        embeddedSlugs(markdown).forEach(slug -> wording(slug, locale).ifPresent(wordings::add));
        return wordings;
    }

    /** The embedded slugs that name no statement. */
    public List<String> unknown(String markdown) {
        return embeddedSlugs(markdown).stream().filter(slug -> bySlug(slug).isEmpty()).toList();
    }

    /** The embedded slugs of statements that readers cannot see yet: nothing of them is published. */
    public List<String> unpublished(String markdown) {
        return embeddedSlugs(markdown).stream()
                .filter(slug -> bySlug(slug).filter(s -> s.sourceVariant().getLive().isEmpty()).isPresent()).toList();
    }

    /** Refuses a body that embeds a slug no statement has (400 naming {@code body}). */
    public void requireKnown(String markdown) {
        List<String> unknown = unknown(markdown);
        if (!unknown.isEmpty()) {
            throw new BusinessException.InvalidInput(new FieldError("body", "There is no statement "
                    + String.join(", ", unknown) + ": create it first, or correct the slug")
                    .worded("refusal.statement.unknown", Map.of("slugs", String.join(", ", unknown))));
        }
    }

    /** The statements, newest first, at most {@value #MOST_LISTED}. */
    public List<Article> list() {
        // no fetch join: a row limit would cut the variants of the last statement
        return em.createQuery("select a from Article a where a.kind = :kind order by a.id desc", Article.class)
                .setParameter("kind", Article.STATEMENT)
                .setMaxResults(MOST_LISTED)
                .getResultList();
    }

    /** A statement by id; not found (404) for an article of another kind. */
    public Article statement(long id) {
        Article article = em.find(Article.class, id);
        if (article == null || !article.isStatement()) {
            throw new BusinessException.NotFound("There is no statement " + id);
        }
        return article;
    }

    /** The variants of articles whose live or current revision embeds the statement. */
    public List<ArticleVariant> embedding(Article statement) {
        Set<ArticleVariant> variants = new LinkedHashSet<>();
        statement.getVariants().stream().map(ArticleVariant::getSlug).distinct().forEach(slug -> variants.addAll(
                em.createQuery("select distinct v from ArticleVariant v join v.current c left join v.live l"
                                + " where v.article.kind = :kind and (c.body like :line escape '\\'"
                                + " or l.body like :line escape '\\') order by v.id", ArticleVariant.class)
                        .setParameter("kind", Article.ARTICLE)
                        .setParameter("line", "%" + escapeLike("{{statement:" + slug + "}}") + "%")
                        .setMaxResults(MOST_LISTED)
                        .getResultList()));
        return List.copyOf(variants);
    }

    /** A statement's contradicting phrases by locale, locales in order. */
    public Map<String, List<String>> phrases(long statementId) {
        Map<String, List<String>> byLocale = new TreeMap<>();
        em.createQuery("select p from ContradictingPhrase p where p.statementId = :statement order by p.locale, p.id",
                        ContradictingPhrase.class)
                .setParameter("statement", statementId)
                .getResultStream()
                .forEach(p -> byLocale.computeIfAbsent(p.getLocale(), l -> new ArrayList<>()).add(p.getPhrase()));
        return byLocale;
    }

    /**
     * Replaces a statement's contradicting phrases in a locale. Each is stripped and kept once
     * (in any case); a blank one, one longer than {@value #PHRASE_MAX} characters or more than
     * {@value #PHRASES_PER_LOCALE} are refused (400) and nothing changes.
     */
    public List<String> setPhrases(long statementId, String locale, List<String> phrases) {
        statement(statementId);
        Map<String, String> kept = checkedPhrases(phrases);
        em.createQuery("delete from ContradictingPhrase p where p.statementId = :statement and p.locale = :locale")
                .setParameter("statement", statementId)
                .setParameter("locale", locale)
                .executeUpdate();
        kept.values().forEach(phrase -> em.persist(new ContradictingPhrase(statementId, locale, phrase)));
        return List.copyOf(kept.values());
    }

    /** The phrases as they would be kept, by their lower case; refused (400) as {@link #setPhrases} refuses them. */
    public static Map<String, String> checkedPhrases(List<String> phrases) {
        Map<String, String> kept = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < phrases.size(); i++) {
            String phrase = phrases.get(i) == null ? "" : phrases.get(i).strip().replaceAll("\\s+", " ");
            if (phrase.isEmpty()) {
                errors.add(new FieldError("phrases[" + i + "]", "A phrase must not be blank")
                        .worded("refusal.phrase.blank", Map.of()));
            } else if (phrase.length() > PHRASE_MAX) {
                errors.add(new FieldError("phrases[" + i + "]", "A phrase has at most " + PHRASE_MAX + " characters"));
            } else {
                kept.putIfAbsent(phrase.toLowerCase(Locale.ROOT), phrase);
            }
        }
        if (kept.size() > PHRASES_PER_LOCALE) {
            errors.add(new FieldError("phrases", "At most " + PHRASES_PER_LOCALE + " phrases per locale"));
        }
        if (!errors.isEmpty()) {
            throw new BusinessException.InvalidInput("Some phrases cannot be kept", errors);
        }
        return kept;
    }

    /** The contradicting phrases of the locale that a text contains, each with its sentence and statement. */
    public List<Finding> findings(String locale, String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return List.of();
        }
        List<ContradictingPhrase> phrases = em.createQuery("select p from ContradictingPhrase p where p.locale = :locale"
                        + " order by p.statementId, p.id", ContradictingPhrase.class)
                .setParameter("locale", locale)
                .setMaxResults(MOST_PHRASES)
                .getResultList();
        if (phrases.isEmpty()) {
            return List.of();
        }
        Map<Long, String> titles = new java.util.HashMap<>();
        List<String> sentences = sentences(EMBEDDED.matcher(markdown).replaceAll(""), locale);
        List<Finding> findings = new ArrayList<>();
        for (ContradictingPhrase p : phrases) {
            String wanted = p.getPhrase().toLowerCase(Locale.ROOT);
            for (String sentence : sentences) {
                if (sentence.toLowerCase(Locale.ROOT).contains(wanted)) {
                    String title = titles.computeIfAbsent(p.getStatementId(), id -> {
                        Article statement = em.find(Article.class, id);
                        return statement == null ? "" : statement.getTitle();
                    });
                    findings.add(new Finding(p.getPhrase(), sentence, p.getStatementId(), title));
                }
            }
        }
        return findings;
    }

    /**
     * Every published page (an article's live revision in a locale) that contains a contradicting
     * phrase of its locale, at most {@value #MOST_LISTED}, by article and locale.
     */
    public List<Contradiction> contradictions() {
        List<ContradictingPhrase> phrases = em.createQuery("select p from ContradictingPhrase p order by p.locale, p.id",
                        ContradictingPhrase.class)
                .setMaxResults(MOST_PHRASES)
                .getResultList();
        Map<Long, ArticleVariant> pages = new TreeMap<>();
        for (ContradictingPhrase p : phrases) {
            em.createQuery("select v from ArticleVariant v join v.live l where v.locale = :locale"
                            + " and v.article.kind = :kind and lower(l.body) like :phrase escape '\\' order by v.id",
                            ArticleVariant.class)
                    .setParameter("locale", p.getLocale())
                    .setParameter("kind", Article.ARTICLE)
                    .setParameter("phrase", "%" + escapeLike(p.getPhrase().toLowerCase(Locale.ROOT)) + "%")
                    .setMaxResults(MOST_LISTED)
                    .getResultStream()
                    .forEach(v -> pages.putIfAbsent(v.getId(), v));
        }
        List<Contradiction> found = new ArrayList<>();
        pages.values().stream()
                .sorted(Comparator.comparing((ArticleVariant v) -> v.getArticle().getId()).thenComparing(ArticleVariant::getLocale))
                .forEach(v -> {
                    Revision live = v.getLive().orElseThrow();
                    findings(v.getLocale(), live.getBody()).forEach(f -> found.add(new Contradiction(v.getArticle().getId(),
                            v.getLocale(), live.getSlug(), live.getTitle(), f)));
                });
        return found.size() > MOST_LISTED ? found.subList(0, MOST_LISTED) : found;
    }

    /**
     * The sentences of a Markdown text, each on one line, cut when very long: its blocks (paragraphs,
     * headings, list items, quotes) without their marks, each split by the JDK's sentence rules for
     * the locale, so that a heading never runs into the sentence after it.
     */
    static List<String> sentences(String markdown, String locale) {
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.forLanguageTag(locale));
        List<String> sentences = new ArrayList<>();
        for (String text : blocks(markdown)) {
            breaks.setText(text);
            for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                String sentence = text.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence.length() > SENTENCE_SHOWN ? sentence.substring(0, SENTENCE_SHOWN) + "…" : sentence);
                }
            }
        }
        return sentences;
    }

    /** The text of each block, its lines joined by a space: a blank line ends one, a heading is one, a list item or quote starts one. */
    private static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        boolean inQuote = false;
        for (String line : markdown.split("\n")) {
            String text = line.strip();
            Matcher mark = BLOCK_MARK.matcher(text);
            boolean quote = text.startsWith(">");
            if (text.isEmpty() || mark.lookingAt() && !(quote && inQuote)) {
                flush(block, blocks);
            }
            inQuote = quote;
            block.append(mark.replaceFirst("")).append(' ');
            if (text.startsWith("#")) {
                flush(block, blocks);
            }
        }
        flush(block, blocks);
        return blocks;
    }

    private static void flush(StringBuilder block, List<String> blocks) {
        String text = block.toString().strip().replaceAll("\\s+", " ");
        if (!text.isEmpty()) {
            blocks.add(text);
        }
        block.setLength(0);
    }

    private Optional<Instant> signedOff(ArticleVariant variant) {
        List<?> rows = em.createNativeQuery("select live_signed_off_at from variant where id = ?1")
                .setParameter(1, variant.getId())
                .getResultList();
        return rows.stream().filter(java.util.Objects::nonNull).findFirst().map(Statements::instant);
    }

    /** A time as the drivers give it: PostgreSQL's a {@code Timestamp}, H2's an {@code OffsetDateTime}. */
    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        return (Instant) value;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
