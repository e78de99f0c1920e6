package org.medpub.cms.admin.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.article.entity.TranslationStatus;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.LanguageNames;
import org.medpub.cms.translation.control.ChangesInSource;

/**
 * The article and locale the editor has open, shared by the form, the workflow panel and the
 * XLIFF upload. The view keeps only numbers and names; what is read from the database is read at
 * most once per request (the page evaluates its expressions many times) and read again after an
 * action of this view changed it.
 */
@Named
@ViewScoped
public class OpenArticle implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String LOADED = OpenArticle.class.getName() + ".";

    /** For an outdated translation: what changed in the source from revision {@code from} to {@code to}. */
    public record SourceUpdate(int from, int to, List<Differences.Field> changes) implements Serializable {
    }

    @Inject
    ArticleStore articles;

    @Inject
    EnabledLocales locales;

    @Inject
    Caller caller;

    @Inject
    UiLanguage language;

    @Inject
    Words words;

    @Inject
    ChangesInSource changesInSource;

    private String asked;
    private Long articleId;
    private String locale;
    private String sourceLocale;
    private Integer baseRevision;

    private WorkflowState state;
    private Integer liveRevision;
    private SourceUpdate sourceUpdate;

    /**
     * On opening the page: the text the form starts from, the locale's newest revision or the
     * source's; empty for a new article. An article that does not exist is answered 404 with the
     * editorial UI's error page, never with the form of a new article.
     */
    Optional<RevisionContent> open() {
        if (asked == null) {
            sourceLocale = locales.find(locale).orElse(locales.defaultLocale());
            locale = sourceLocale;
            return Optional.empty();
        }
        Optional<Article> found = articleId == null ? Optional.empty() : articles.find(articleId);
        if (found.isEmpty()) {
            AdminError.answer(404, words.with("adminError.noArticle", "article", asked));
            return Optional.empty();
        }
        Article article = found.get();
        sourceLocale = article.getSourceLocale();
        locale = locales.find(locale).orElse(sourceLocale);
        Optional<ArticleVariant> variant = article.variant(locale);
        baseRevision = variant.map(v -> v.getCurrent().getNumber()).orElse(null);
        refresh();
        return Optional.of(variant.orElse(article.sourceVariant()).getCurrent().content());
    }

    /** After an action of this view saved or moved the variant: forgets what this request read and reads it again. */
    void refresh() {
        FacesContext.getCurrentInstance().getAttributes().keySet()
                .removeIf(key -> key instanceof String name && name.startsWith(LOADED));
        Optional<ArticleVariant> variant = variant();
        state = variant.map(ArticleVariant::getState).orElse(null);
        liveRevision = variant.flatMap(ArticleVariant::getLive).map(Revision::getNumber).orElse(null);
        sourceUpdate = variant.filter(v -> TranslationStatus.of(v.getArticle(), locale) == TranslationStatus.OUTDATED)
                .map(v -> changesInSource.since(v.getArticle(), v))
                .map(since -> new SourceUpdate(since.from(), since.to(), Differences.of(since.fields())))
                .orElse(null);
    }

    /**
     * Reads {@code what} once in this request: the request's attributes end with it, so nothing
     * outlives it. One reading may ask for another (the variant, say), so no computeIfAbsent.
     */
    @SuppressWarnings("unchecked")
    <T> T once(String what, Supplier<T> read) {
        Map<Object, Object> attributes = FacesContext.getCurrentInstance().getAttributes();
        String key = LOADED + what;
        if (attributes.containsKey(key)) {
            return (T) attributes.get(key);
        }
        T value = read.get();
        attributes.put(key, value);
        return value;
    }

    /** The open locale's variant, as this request found it. */
    Optional<ArticleVariant> variant() {
        return once("variant", () -> articleId == null ? Optional.empty() : articles.variant(articleId, locale));
    }

    /** For a translation: the source text it is made from, beside it. */
    public Optional<Revision> getSourceText() {
        return once("sourceText", () -> articleId == null || isSource() ? Optional.empty()
                : articles.variant(articleId, sourceLocale).map(ArticleVariant::getCurrent));
    }

    public boolean isSource() {
        return locale != null && locale.equals(sourceLocale);
    }

    public boolean isMayEdit() {
        return articleId == null ? EditorialPermissions.mayCreateArticles(caller.actor())
                : EditorialPermissions.mayEdit(caller.actor(), sourceLocale, locale);
    }

    public Long getArticleId() {
        return articleId;
    }

    /** The article the address asks for ({@code ?article=}), as written there: it may name none. */
    public String getArticle() {
        return asked;
    }

    public void setArticle(String article) {
        asked = article == null || article.isBlank() ? null : article.strip();
        articleId = asked == null ? null : PathParams.id(asked).orElse(null);
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getSourceLocale() {
        return sourceLocale;
    }

    /** A new article's source locale is chosen in the form; an existing one's is fixed. */
    public void setSourceLocale(String sourceLocale) {
        if (articleId == null) {
            this.sourceLocale = locales.find(sourceLocale).orElse(this.sourceLocale);
            this.locale = this.sourceLocale;
        }
    }

    public List<String> getLocales() {
        return locales.all();
    }

    public Integer getBaseRevision() {
        return baseRevision;
    }

    void setBaseRevision(Integer baseRevision) {
        this.baseRevision = baseRevision;
    }

    public WorkflowState getState() {
        return state;
    }

    public Integer getLiveRevision() {
        return liveRevision;
    }

    public SourceUpdate getSourceUpdate() {
        return sourceUpdate;
    }

    public String getLanguageName() {
        return LanguageNames.inText(locale, language.getLocale());
    }
}
