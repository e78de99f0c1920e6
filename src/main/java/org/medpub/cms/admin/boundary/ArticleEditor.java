package org.medpub.cms.admin.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medpub.cms.article.boundary.RevisionEdit;
import org.medpub.cms.article.control.ArticleHtml;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.RevisionComparison;
import org.medpub.cms.article.control.RevisionPrecondition;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.article.entity.TranslationStatus;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.translation.control.ChangesInSource;
import org.medpub.cms.translation.control.ImportedTranslation;
import org.medpub.cms.translation.control.XliffImport;
import org.medpub.cms.translation.control.XliffReader;
import org.medpub.cms.translation.control.XliffRejected;
import org.medpub.cms.workflow.control.AuditTrail;
import org.medpub.cms.workflow.control.EditorialWorkflow;
import org.medpub.cms.workflow.control.ReviewChecklist;
import org.medpub.cms.workflow.control.TransitionCommand;
import org.medpub.cms.workflow.control.Transitions;
import org.medpub.cms.workflow.control.WorkflowAction;
import org.medpub.cms.workflow.entity.AuditEvent;

/**
 * The editor of an article in one locale, with its workflow: the form keeps what the user typed
 * across every request of the view, so that nothing is lost when a save is refused. A save names
 * the revision the form was loaded from; when someone saved after it, the conflict shows what
 * they changed and lets the user save their text on top of the newest revision.
 */
@Named("editor")
@ViewScoped
public class ArticleEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Someone else saved after the revision the form was loaded from. */
    /** For an outdated translation: what changed in the source from revision {@code from} to {@code to}. */
    public record SourceUpdate(int from, int to, List<Differences.Field> changes) implements Serializable {
    }

    public record Conflict(int base, int theirs, String author, Instant at, List<Differences.Field> changes)
            implements Serializable {
    }

    @Inject
    ArticleStore articles;

    @Inject
    RevisionComparison comparison;

    @Inject
    Transitions transitions;

    @Inject
    AuditTrail auditTrail;

    @Inject
    ReviewChecklist checklist;

    @Inject
    ArticleHtml html;

    // not passivation capable, and needed only while a request runs
    @Inject
    transient Validator validator;

    @Inject
    EnabledLocales locales;

    @Inject
    Caller caller;

    @Inject
    Words words;

    @Inject
    UiLanguage language;

    @Inject
    AutosavedDrafts drafts;

    @Inject
    ChangesInSource changesInSource;

    @Inject
    XliffImport imports;

    private Long articleId;
    private String locale;
    private String sourceLocale;
    private Integer baseRevision;

    private String title;
    private String slug;
    private String summary;
    private String body = "";
    private List<ListRows.Topic> topics = new ArrayList<>();
    private List<ListRows.Citation> references = new ArrayList<>();
    private String changeNote;
    private boolean safetyRelevant;

    private Conflict conflict;
    private AutosavedDrafts.Draft restorable;
    private Instant autosavedAt;
    private WorkflowState state;
    private SourceUpdate sourceUpdate;
    // an upload lives for its one request
    private transient Part xliffFile;

    private List<Differences.Field> reviewChanges;
    private String reviewChangesOf;
    private Integer liveRevision;

    private String comment;
    private String publishAt;
    private final Map<String, Boolean> checked = new LinkedHashMap<>();

    /** On opening the page (not on its own posts): the newest revision of the locale, or the source's to start a translation. */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        if (articleId == null) {
            sourceLocale = locales.find(locale).orElse(locales.defaultLocale());
            locale = sourceLocale;
            return;
        }
        Optional<Article> found = articles.find(articleId);
        if (found.isEmpty()) {
            error(new BusinessException.NotFound("There is no article " + articleId));
            articleId = null;
            return;
        }
        Article article = found.get();
        sourceLocale = article.getSourceLocale();
        locale = locales.find(locale).orElse(sourceLocale);
        Optional<ArticleVariant> variant = article.variant(locale);
        fill(variant.orElse(article.sourceVariant()).getCurrent().content());
        baseRevision = variant.map(v -> v.getCurrent().getNumber()).orElse(null);
        restorable = drafts.find(articleId, locale).orElse(null);
        refreshWorkflow();
    }

    /** Keeps the form's text for the session without saving a revision; an ajax request has put it into the form. */
    public void autosave() {
        if (articleId == null || !isMayEdit()) {
            return;
        }
        autosavedAt = drafts.keep(articleId, locale, new AutosavedDrafts.Draft(baseRevision, title, slug, summary, body,
                topics.stream().map(ListRows.Topic::getName).toList(),
                references.stream().map(ListRows.Citation::copy).toList(), changeNote, safetyRelevant,
                Instant.now())).at();
    }

    /** Puts the autosaved text back into the form, on top of the revision it was written on. */
    public void restoreAutosaved() {
        if (restorable != null) {
            title = restorable.title();
            slug = restorable.slug();
            summary = restorable.summary();
            body = restorable.body();
            topics = new ArrayList<>(restorable.topics().stream().map(ListRows.Topic::new).toList());
            references = new ArrayList<>(restorable.references().stream().map(ListRows.Citation::copy).toList());
            changeNote = restorable.changeNote();
            safetyRelevant = restorable.safetyRelevant();
            baseRevision = restorable.baseRevision();
            autosavedAt = restorable.at();
            restorable = null;
        }
    }

    public void discardAutosaved() {
        drafts.forget(articleId, locale);
        restorable = null;
    }

    public void preview() {
        // the ajax request has put the text into the form; the preview renders it
    }

    /** The body as readers will see it: rendered and sanitized exactly as on the reader page. */
    public String getPreviewHtml() {
        return html.render(body == null ? "" : body);
    }

    public String save() {
        if (changeNote == null || changeNote.isBlank()) {
            FacesContext.getCurrentInstance().addMessage("editor:changeNote", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    words.text("common.required"), null));
            return null;
        }
        RevisionEdit edit = new RevisionEdit(null, title, slug, summary, body,
                topics.stream().filter(t -> !t.isBlank()).map(ListRows.Topic::getName).toList(),
                references.stream().filter(r -> !r.isBlank()).map(ListRows.Citation::data).toList(),
                changeNote, safetyRelevant, null);
        Set<ConstraintViolation<RevisionEdit>> violations = validator.validate(edit);
        if (!violations.isEmpty()) {
            violations.forEach(v -> FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(
                    FacesMessage.SEVERITY_ERROR, words.text("problem.invalid-input.title"),
                    v.getPropertyPath() + ": " + v.getMessage())));
            return null;
        }
        try {
            if (articleId == null) {
                Revision created = articles.create(sourceLocale, edit.content(null), caller.actor());
                FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
                info(words.with("editor.saved", "revision", created.getNumber()));
                return "/admin/edit.xhtml?faces-redirect=true&article=" + created.getVariant().getArticle().getId()
                        + "&locale=" + sourceLocale;
            }
            Article article = articles.find(articleId).orElseThrow();
            boolean source = locale.equals(article.getSourceLocale());
            Integer translated = source ? null : article.sourceVariant().getCurrent().getNumber();
            var saved = articles.save(articleId, locale, edit.content(translated), caller.actor(),
                    new RevisionPrecondition(baseRevision == null ? null : RevisionPrecondition.tagOf(baseRevision)));
            baseRevision = saved.revision().getNumber();
            changeNote = null;
            conflict = null;
            // the revision now holds the text
            drafts.forget(articleId, locale);
            restorable = null;
            autosavedAt = null;
            refreshWorkflow();
            info(words.with("editor.saved", "revision", baseRevision));
        } catch (BusinessException.StaleRevision | BusinessException.PreconditionRequired someoneSaved) {
            conflict = conflictWithNewest();
        } catch (BusinessException refused) {
            error(refused);
        }
        return null;
    }

    /** Saves the user's text, as it stands in the form, as the revision after the newest one. */
    public String saveOnTopOfNewest() {
        if (conflict != null) {
            baseRevision = conflict.theirs();
        }
        return save();
    }

    private Conflict conflictWithNewest() {
        ArticleVariant variant = articles.variant(articleId, locale).orElseThrow();
        Revision theirs = variant.getCurrent();
        RevisionContent base = baseRevision == null ? Differences.NOTHING
                : articles.revision(variant, baseRevision).map(Revision::content).orElse(Differences.NOTHING);
        return new Conflict(baseRevision == null ? 0 : baseRevision, theirs.getNumber(), theirs.getAuthor(),
                theirs.getCreatedAt(), Differences.of(comparison.compare(base, theirs.content())));
    }

    /** Imports the uploaded XLIFF file as POST /api/xliff does, then opens the revision it made. */
    public String importXliff() {
        if (xliffFile == null) {
            return null;
        }
        try (InputStream file = xliffFile.getInputStream()) {
            ImportedTranslation imported = imports.importFile(XliffReader.read(file.readAllBytes()), caller.actor());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            info(words.with("editor.saved", "revision", imported.revision()));
            return "/admin/edit.xhtml?faces-redirect=true&article=" + imported.articleId() + "&locale=" + imported.locale();
        } catch (XliffRejected rejected) {
            error(rejected);
            rejected.errors().forEach(problem -> FacesContext.getCurrentInstance().addMessage("xliff:file",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, problem.field() + ": " + problem.message(), null)));
        } catch (BusinessException refused) {
            error(refused);
        } catch (IOException unreadable) {
            FacesContext.getCurrentInstance().addMessage("xliff:file", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    words.text("problem.invalid-xliff.title"), null));
        }
        return null;
    }

    // --- the workflow

    public boolean may(WorkflowAction action) {
        return state != null && EditorialWorkflow.rule(action, state)
                .filter(rule -> !rule.concernsLive() || liveRevision != null)
                .isPresent() && caller.actor().holdsAnyOf(EditorialWorkflow.roles(action));
    }

    public void submit() {
        perform(WorkflowAction.SUBMIT, null, null);
    }

    public void approve() {
        perform(WorkflowAction.APPROVE, null, Map.copyOf(checked));
    }

    public void reject() {
        perform(WorkflowAction.REJECT, null, null);
    }

    public void publishNow() {
        perform(WorkflowAction.PUBLISH, null, null);
    }

    public void publishLater() {
        try {
            perform(WorkflowAction.PUBLISH, LocalDateTime.parse(publishAt).toInstant(ZoneOffset.UTC), null);
        } catch (DateTimeParseException | NullPointerException unreadable) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    words.text("publish.atLabel"), null));
        }
    }

    public void unpublish() {
        perform(WorkflowAction.UNPUBLISH, null, null);
    }

    public void archive() {
        perform(WorkflowAction.ARCHIVE, null, null);
    }

    private void perform(WorkflowAction action, Instant at, Map<String, Boolean> confirmed) {
        try {
            var outcome = transitions.perform(articleId, locale, new TransitionCommand(action, comment, at, confirmed,
                    baseRevision), caller.actor());
            comment = null;
            refreshWorkflow();
            info(outcome.scheduled() != null
                    ? words.with("publish.scheduled", "at", outcome.scheduled().getPublishAt())
                    : words.text("WorkflowState." + state.name()));
        } catch (BusinessException refused) {
            error(refused);
        }
    }

    /** Four eyes, told before the click: the user wrote or edited what is in review. */
    public boolean isFourEyes() {
        if (state != WorkflowState.IN_REVIEW) {
            return false;
        }
        ArticleVariant variant = articles.variant(articleId, locale).orElseThrow();
        return transitions.wroteOrEdited(caller.name(),
                EditorialWorkflow.rule(WorkflowAction.APPROVE, state).orElseThrow(), variant.getCurrent());
    }

    public List<ReviewChecklist.Item> getChecklistItems() {
        return checklist.items(language.getLocale());
    }

    /**
     * What the reviewer is asked to sign off: the changes since the revision readers see (or
     * everything). Kept for the two revisions compared, as the page asks for it more than once
     * while rendering and a long article's comparison may take up to its time budget.
     */
    public List<Differences.Field> getReviewChanges() {
        ArticleVariant variant = articles.variant(articleId, locale).orElseThrow();
        String compared = variant.getLive().map(live -> live.getId() + ">").orElse(">") + variant.getCurrent().getId();
        if (!compared.equals(reviewChangesOf)) {
            RevisionContent live = variant.getLive().map(Revision::content).orElse(Differences.NOTHING);
            reviewChanges = Differences.of(comparison.compare(live, variant.getCurrent().content()));
            reviewChangesOf = compared;
        }
        return reviewChanges;
    }

    /** For a translation: the source text it is made from, beside it. */
    public Optional<Revision> getSourceText() {
        if (articleId == null || locale.equals(sourceLocale)) {
            return Optional.empty();
        }
        return articles.variant(articleId, sourceLocale).map(ArticleVariant::getCurrent);
    }

    public List<AuditEvent> getAuditTrail() {
        return articleId == null ? List.of() : auditTrail.history(articleId, locale);
    }

    private void refreshWorkflow() {
        Optional<ArticleVariant> variant = articles.variant(articleId, locale);
        state = variant.map(ArticleVariant::getState).orElse(null);
        liveRevision = variant.flatMap(ArticleVariant::getLive).map(Revision::getNumber).orElse(null);
        sourceUpdate = variant.filter(v -> TranslationStatus.of(v.getArticle(), locale) == TranslationStatus.OUTDATED)
                .map(v -> changesInSource.since(v.getArticle(), v))
                .map(since -> new SourceUpdate(since.from(), since.to(), Differences.of(since.fields())))
                .orElse(null);
        checked.clear();
    }

    // --- the lists

    public void addTopic() {
        topics.add(new ListRows.Topic(""));
    }

    public void removeTopic(ListRows.Topic topic) {
        topics.remove(topic);
    }

    public void addReference() {
        references.add(new ListRows.Citation("", "", null, null));
    }

    public void removeReference(ListRows.Citation reference) {
        references.remove(reference);
    }

    private void fill(RevisionContent content) {
        title = content.title();
        slug = content.slug();
        summary = content.summary();
        body = content.body();
        topics = new ArrayList<>(content.topics().stream().map(ListRows.Topic::new).toList());
        references = new ArrayList<>(content.references().stream().map(ListRows.Citation::of).toList());
        safetyRelevant = false;
    }

    private void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private void error(BusinessException refused) {
        String key = "problem." + refused.type() + ".title";
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                words.textOr(key, refused.type()) + ": " + refused.getMessage(), null));
    }

    // --- properties of the form

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

    public void setArticleId(Long articleId) {
        this.articleId = articleId;
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

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public List<ListRows.Topic> getTopics() {
        return topics;
    }

    public List<ListRows.Citation> getReferences() {
        return references;
    }

    public String getChangeNote() {
        return changeNote;
    }

    public void setChangeNote(String changeNote) {
        this.changeNote = changeNote;
    }

    public boolean isSafetyRelevant() {
        return safetyRelevant;
    }

    public void setSafetyRelevant(boolean safetyRelevant) {
        this.safetyRelevant = safetyRelevant;
    }

    public Conflict getConflict() {
        return conflict;
    }

    public AutosavedDrafts.Draft getRestorable() {
        return restorable;
    }

    public Instant getAutosavedAt() {
        return autosavedAt;
    }

    public Part getXliffFile() {
        return xliffFile;
    }

    public void setXliffFile(Part xliffFile) {
        this.xliffFile = xliffFile;
    }

    public SourceUpdate getSourceUpdate() {
        return sourceUpdate;
    }

    public WorkflowState getState() {
        return state;
    }

    public Integer getLiveRevision() {
        return liveRevision;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(String publishAt) {
        this.publishAt = publishAt;
    }

    public Map<String, Boolean> getChecked() {
        return checked;
    }

    public String getLanguageName() {
        return Locale.forLanguageTag(locale).getDisplayName(language.getLocale());
    }
}
