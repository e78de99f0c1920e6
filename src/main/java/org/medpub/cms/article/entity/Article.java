package org.medpub.cms.article.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A piece of medical content, written first in its source locale and translated into others.
 * The article itself holds only what never changes; everything an editor writes lives in the
 * revisions of its {@link ArticleVariant locale variants}.
 */
@Entity
public class Article {

    public static final String ARTICLE = "article";
    public static final String STATEMENT = "statement";

    @Id
    @SequenceGenerator(name = "article_seq", sequenceName = "article_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_seq")
    private Long id;

    @Column(name = "source_locale", updatable = false)
    private String sourceLocale;

    /** {@link #ARTICLE}, a page of its own, or {@link #STATEMENT}, a reviewed wording that articles embed. */
    @Column(updatable = false)
    private String kind = ARTICLE;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    /** The last change of any of its locale variants, kept here for the articles list's order. */
    @Column(name = "updated_at")
    private Instant updatedAt;

    /** The source locale's current title, kept here for the articles list's order. */
    private String title;

    /**
     * The locales it has a variant in, sorted, separated by spaces ({@code "de en"}), kept here so
     * that the articles list finds the articles that lack a locale without visiting every article.
     */
    private String locales;

    /** For whom it is written; null while nobody said. */
    @Enumerated(EnumType.STRING)
    private Audience audience;

    /** Its own disclosure (conflicts of interest, sponsorship) per locale, shown with the site's. */
    @ElementCollection
    @CollectionTable(name = "article_disclosure", joinColumns = @JoinColumn(name = "article_id"))
    @MapKeyColumn(name = "locale")
    @Column(name = "disclosure")
    private Map<String, String> disclosures = new HashMap<>();

    @OneToMany(mappedBy = "article")
    @OrderBy("id")
    private List<ArticleVariant> variants = new ArrayList<>();

    protected Article() {
    }

    public Article(String sourceLocale, String createdBy, Instant createdAt) {
        this.sourceLocale = sourceLocale;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.title = "";
        this.locales = "";
    }

    /** A new statement: a short reviewed wording of a key claim, never a reader page of its own. */
    public static Article statement(String sourceLocale, String createdBy, Instant createdAt) {
        Article statement = new Article(sourceLocale, createdBy, createdAt);
        statement.kind = STATEMENT;
        return statement;
    }

    public String getKind() {
        return kind;
    }

    public boolean isStatement() {
        return STATEMENT.equals(kind);
    }

    /** A variant in a new locale. */
    void added(ArticleVariant variant) {
        variants.add(variant);
        locales = variants.stream().map(ArticleVariant::getLocale).sorted().distinct().collect(Collectors.joining(" "));
    }

    /** One of its variants changed (a save, a publication, taken off line). */
    void changed(ArticleVariant variant, Instant at) {
        if (at.isAfter(updatedAt)) {
            updatedAt = at;
        }
        if (variant.isSource() && variant.getCurrent() != null) {
            title = variant.getCurrent().getTitle();
        }
    }

    public Long getId() {
        return id;
    }

    public String getSourceLocale() {
        return sourceLocale;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getTitle() {
        return title;
    }

    public List<ArticleVariant> getVariants() {
        return variants;
    }

    public Optional<ArticleVariant> variant(String locale) {
        return variants.stream().filter(v -> v.getLocale().equals(locale)).findFirst();
    }

    public ArticleVariant sourceVariant() {
        return variant(sourceLocale).orElseThrow();
    }

    public Optional<Audience> audience() {
        return Optional.ofNullable(audience);
    }

    public void writtenFor(Audience audience) {
        this.audience = audience;
    }

    /** Its own disclosure in the locale, if one was written. */
    public Optional<String> disclosure(String locale) {
        return Optional.ofNullable(disclosures.get(locale));
    }

    public Map<String, String> getDisclosures() {
        return Map.copyOf(disclosures);
    }

    /** Its own disclosure in a locale; null removes it. */
    public void disclose(String locale, String disclosure) {
        if (disclosure == null) {
            disclosures.remove(locale);
        } else {
            disclosures.put(locale, disclosure);
        }
    }
}
