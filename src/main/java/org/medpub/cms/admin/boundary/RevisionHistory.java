package org.medpub.cms.admin.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.RevisionComparison;
import org.medpub.cms.article.control.RevisionPrecondition;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;

/**
 * The revisions of an article in one locale: any two compared word by word, and an old one
 * restored as a new draft (a new revision with the old text; history is never rewritten).
 */
@Named("history")
@ViewScoped
public class RevisionHistory implements Serializable {

    private static final long serialVersionUID = 1L;

    public record Row(int number, String author, Instant at, String note) implements Serializable {
    }

    @Inject
    ArticleStore articles;

    @Inject
    RevisionComparison comparison;

    @Inject
    Caller caller;

    @Inject
    Words words;

    private String asked;
    private Long articleId;
    private String locale;
    private Integer from;
    private Integer to;
    private List<Differences.Field> changes;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        if (articleId == null || locale == null || articles.variant(articleId, locale).isEmpty()) {
            AdminError.answer(404, words.with("adminError.noArticle", "article", asked == null ? "" : asked));
            return;
        }
        int newest = variant().getCurrent().getNumber();
        to = newest;
        from = Math.max(1, newest - 1);
        compare();
    }

    public List<Row> getRevisions() {
        return articles.revisions(variant()).stream()
                .map(r -> new Row(r.getNumber(), r.getAuthor(), r.getCreatedAt(), r.getChangeNote()))
                .toList();
    }

    public void compare() {
        ArticleVariant variant = variant();
        changes = Differences.of(comparison.compare(content(variant, from), content(variant, to)));
    }

    /** Saves the text of an old revision as the newest one; the workflow starts again from draft. */
    public String restore(int number) {
        try {
            ArticleVariant variant = variant();
            RevisionContent old = content(variant, number);
            RevisionContent restored = new RevisionContent(old.title(), old.slug(), old.summary(), old.body(), old.topics(),
                    old.references(), words.with("history.restoredNote", "revision", number), false, old.sourceRevision(), false);
            var saved = articles.save(articleId, locale, restored, caller.actor(),
                    new RevisionPrecondition(RevisionPrecondition.tagOf(variant.getCurrent().getNumber())));
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    words.with("editor.saved", "revision", saved.revision().getNumber()), null));
            return "/admin/edit.xhtml?faces-redirect=true&article=" + articleId + "&locale=" + locale;
        } catch (BusinessException refused) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    words.textOr("problem." + refused.type() + ".title", refused.type()) + ": " + refused.getMessage(), null));
            return null;
        }
    }

    private ArticleVariant variant() {
        return articles.variant(articleId == null ? -1 : articleId, locale == null ? "" : locale)
                .orElseThrow(() -> new BusinessException.NotFound("Article " + articleId + " has no version in " + locale));
    }

    private RevisionContent content(ArticleVariant variant, Integer number) {
        return number == null ? Differences.NOTHING
                : articles.revision(variant, number).map(Revision::content).orElse(Differences.NOTHING);
    }

    public Long getArticleId() {
        return articleId;
    }

    /** The article the address asks for ({@code ?article=}), as written there: it may name none. */
    public String getArticle() {
        return asked;
    }

    public void setArticle(String article) {
        asked = article == null ? null : article.strip();
        articleId = PathParams.id(asked).orElse(null);
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public Integer getFrom() {
        return from;
    }

    public void setFrom(Integer from) {
        this.from = from;
    }

    public Integer getTo() {
        return to;
    }

    public void setTo(Integer to) {
        this.to = to;
    }

    public List<Differences.Field> getChanges() {
        return changes;
    }
}
