package org.medpub.cms.admin.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.medpub.cms.article.boundary.RevisionEdit;
import org.medpub.cms.article.control.ArticleHtml;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.DraftText;
import org.medpub.cms.article.control.Readability;
import org.medpub.cms.article.control.ReadingTime;
import org.medpub.cms.article.control.RevisionComparison;
import org.medpub.cms.article.control.RevisionPrecondition;
import org.medpub.cms.article.control.SlugSuggestion;
import org.medpub.cms.article.control.Statements;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;

/**
 * The edit form of the open article's locale: it keeps what the user typed across every request
 * of the view, so that nothing is lost when a save is refused. A save names the revision the form
 * was loaded from; when someone saved after it, the conflict shows what they changed and lets the
 * user save their text on top of the newest revision.
 */
@Named("editor")
@ViewScoped
public class ArticleEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Someone else saved after the revision the form was loaded from. */
    public record Conflict(int base, int theirs, String author, Instant at, List<Differences.Field> changes)
            implements Serializable {
    }

    @Inject
    OpenArticle open;

    @Inject
    WorkflowPanel workflow;

    @Inject
    Autosave autosave;

    @Inject
    EditingLock lock;

    @Inject
    ReadingTime readingTime;

    @Inject
    Readability readability;

    @Inject
    ArticleStore articles;

    @Inject
    RevisionComparison comparison;

    @Inject
    ArticleHtml html;

    @Inject
    Refusals refusals;

    @Inject
    Caller caller;

    @Inject
    Words words;

    @Inject
    Statements statements;

    private transient String checkedBody;
    private transient List<String> claimWarnings;

    private String title;
    private String slug;
    private String summary;
    private String body = "";
    private List<ListRows.Topic> topics = new ArrayList<>();
    private List<ListRows.Citation> references = new ArrayList<>();
    private String changeNote;
    private boolean safetyRelevant;
    private boolean tellReaders;

    private Conflict conflict;
    // the slug this form proposed from the title: replaced as the title changes, unlike one the user typed
    private String proposedSlug;
    private transient String measured;
    private transient ReadingTime.Length length;
    private transient String measuredPlain;
    private transient Readability.Report plain;

    /** On opening the page (not on its own posts): the newest revision of the locale, or the source's to start a translation. */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        open.open().ifPresent(this::fill);
        if (open.getArticleId() != null && open.getBaseRevision() == null) {
            // a translation not saved yet starts from the source's slug: its own comes from its title
            proposedSlug = slug;
        }
        if (!FacesContext.getCurrentInstance().getResponseComplete()) {
            lock.open();
            autosave.offer();
        }
    }

    /** As the title is typed: the slug made from it, unless the user has written a slug of their own. */
    public void proposeSlug() {
        boolean following = slug == null || slug.isBlank() || slug.equals(proposedSlug);
        proposedSlug = title == null || title.isBlank() ? "" : SlugSuggestion.fromTitle(title);
        if (!proposedSlug.isEmpty() && open.getBaseRevision() == null) {
            // nothing saved yet in this locale: a slug no other article uses there
            proposedSlug = articles.freeSlug(open.getLocale(), proposedSlug);
        }
        if (following) {
            slug = proposedSlug;
        }
    }

    /** The body's words and reading time, as it stands in the form; counted once per text, not per use on the page. */
    public ReadingTime.Length getLength() {
        // the form sets a new String whenever the body changes: the same one needs no second count
        if (length == null || measured != body) {
            measured = body;
            length = readingTime.of(body, open.getLocale());
        }
        return length;
    }

    /** How plain the body is as it stands in the form (figure, long sentences, glossary terms); measured once per text. */
    public Readability.Report getReadability() {
        if (plain == null || measuredPlain != body) {
            measuredPlain = body;
            plain = readability.of(body, open.getLocale());
        }
        return plain;
    }

    public void preview() {
        // the ajax request has put the text into the form; the preview renders it
    }

    /** The body as readers will see it: rendered and sanitized exactly as on the reader page. */
    public String getPreviewHtml() {
        return html.renderForEditors(body == null ? "" : body, open.getLocale());
    }

    /**
     * The editor's warnings about the body as it stands in the form: each phrase that contradicts a
     * reviewed statement of its locale (phrase, sentence, statement), and each embedded statement
     * that does not exist or that readers cannot see yet.
     */
    public List<String> getClaimWarnings() {
        // asked several times per render: looked up once per text, as the length
        if (claimWarnings != null && checkedBody == body) {
            return claimWarnings;
        }
        checkedBody = body;
        String text = body == null ? "" : body;
        List<String> warnings = new ArrayList<>();
        statements.findings(open.getLocale(), text).forEach(f -> warnings.add(words.with3("claimCheck.finding",
                "phrase", f.phrase(), "statement", f.statementTitle(), "sentence", f.sentence())));
        statements.unknown(text).forEach(slug -> warnings.add(words.with("refusal.statement.unknown", "slugs", slug)));
        statements.unpublished(text).forEach(slug -> warnings.add(words.with("statement.unpublished", "slug", slug)));
        claimWarnings = List.copyOf(warnings);
        return claimWarnings;
    }

    public String save() {
        if (!lock.isWritable()) {
            return null;
        }
        if (!lock.keep()) {
            // taken over since the last autosave: the text is kept for the user, not saved over the holder's
            autosave.keepText();
            return null;
        }
        // the rows the user filled in: empty ones are left out, and a refusal names the form row
        List<Integer> topicRows = filledRows(topics, ListRows.Topic::isBlank);
        List<Integer> referenceRows = filledRows(references, ListRows.Citation::isBlank);
        FormFields fields = FormFields.editor(topicRows, referenceRows);
        RevisionEdit edit = new RevisionEdit(null, title, slug, summary, body,
                topicRows.stream().map(row -> topics.get(row).getName()).toList(),
                referenceRows.stream().map(row -> references.get(row).data()).toList(),
                changeNote, safetyRelevant, null, tellReaders);
        boolean valid = refusals.valid(edit, fields);
        if (changeNote == null || changeNote.isBlank()) {
            Notices.error("editor:changeNote", words.text("editor.changeNote.label") + ": " + words.text("common.required"),
                    words.text("common.required"));
            valid = false;
        }
        if (!valid) {
            return null;
        }
        Long articleId = open.getArticleId();
        String locale = open.getLocale();
        try {
            if (articleId == null) {
                Revision created = articles.create(open.getSourceLocale(), edit.content(null), caller.actor());
                Notices.keepForRedirect();
                Notices.info(words.with("editor.saved", "revision", created.getNumber()));
                return "/admin/edit.xhtml?faces-redirect=true&article=" + created.getVariant().getArticle().getId()
                        + "&locale=" + open.getSourceLocale();
            }
            Article article = articles.find(articleId).orElseThrow();
            Integer translated = open.isSource() ? null : article.sourceVariant().getCurrent().getNumber();
            Integer base = open.getBaseRevision();
            var saved = articles.save(articleId, locale, edit.content(translated), caller.actor(),
                    new RevisionPrecondition(base == null ? null : RevisionPrecondition.tagOf(base)));
            open.setBaseRevision(saved.revision().getNumber());
            changeNote = null;
            tellReaders = false;
            conflict = null;
            autosave.saved();
            workflow.refresh();
            Notices.info(words.with("editor.saved", "revision", open.getBaseRevision()));
        } catch (BusinessException.StaleRevision | BusinessException.PreconditionRequired someoneSaved) {
            conflict = conflictWithNewest();
        } catch (BusinessException refused) {
            refusals.show(refused, fields);
        }
        return null;
    }

    private static <T> List<Integer> filledRows(List<T> rows, Predicate<T> blank) {
        return IntStream.range(0, rows.size()).filter(row -> !blank.test(rows.get(row))).boxed().toList();
    }

    /** Saves the user's text, as it stands in the form, as the revision after the newest one. */
    public String saveOnTopOfNewest() {
        if (conflict != null) {
            open.setBaseRevision(conflict.theirs());
        }
        return save();
    }

    private Conflict conflictWithNewest() {
        ArticleVariant variant = articles.variant(open.getArticleId(), open.getLocale()).orElseThrow();
        Revision theirs = variant.getCurrent();
        Integer base = open.getBaseRevision();
        RevisionContent mine = base == null ? Differences.NOTHING
                : articles.revision(variant, base).map(Revision::content).orElse(Differences.NOTHING);
        return new Conflict(base == null ? 0 : base, theirs.getNumber(), theirs.getAuthor(),
                theirs.getCreatedAt(), Differences.of(comparison.compare(mine, theirs.content())));
    }

    /** The whole form as it stands, on the revision it was loaded from, for the autosave. */
    DraftText asDraft() {
        return new DraftText(open.getLocale(), open.getBaseRevision(), title, slug, summary, body,
                topics.stream().map(ListRows.Topic::getName).toList(),
                references.stream().map(ListRows.Citation::draft).toList(), changeNote, safetyRelevant, tellReaders, null);
    }

    void restore(DraftText draft) {
        title = draft.title();
        slug = draft.slug();
        summary = draft.summary();
        body = draft.body() == null ? "" : draft.body();
        topics = new ArrayList<>(draft.topics().stream().map(ListRows.Topic::new).toList());
        references = new ArrayList<>(draft.references().stream().map(ListRows.Citation::of).toList());
        changeNote = draft.changeNote();
        safetyRelevant = draft.safetyRelevant();
        tellReaders = draft.tellReaders();
        open.setBaseRevision(draft.baseRevision());
    }

    private void fill(RevisionContent content) {
        title = content.title();
        slug = content.slug();
        summary = content.summary();
        body = content.body();
        topics = new ArrayList<>(content.topics().stream().map(ListRows.Topic::new).toList());
        references = new ArrayList<>(content.references().stream().map(ListRows.Citation::of).toList());
        safetyRelevant = false;
        tellReaders = false;
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

    // --- properties of the form

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    /**
     * The title was left: the form is kept, and the slug proposed as on typing (the page's queue
     * gives up a typed title's delayed proposal for this request when the author moves on at once).
     */
    public void titleLeft() {
        proposeSlug();
        autosave.keep();
    }

    /** The slug last proposed from the title, which the field follows until the author types one of their own. */
    public String getProposedSlug() {
        return proposedSlug == null ? "" : proposedSlug;
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

    public boolean isTellReaders() {
        return tellReaders;
    }

    public void setTellReaders(boolean tellReaders) {
        this.tellReaders = tellReaders;
    }

    public Conflict getConflict() {
        return conflict;
    }
}
