package org.medpub.cms.admin.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import org.medpub.cms.article.control.AutosavedDrafts;
import org.medpub.cms.article.control.DraftText;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;

/**
 * The editor form's text kept in the database while the user types, without a revision, and
 * offered back when the user opens the editor of the same article and locale again, in any later
 * session. Each autosave also keeps the edit lock; one that finds it taken over still keeps the
 * text, then turns the form read-only.
 */
@Named
@ViewScoped
public class Autosave implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OpenArticle open;

    @Inject
    ArticleEditor form;

    @Inject
    EditingLock lock;

    @Inject
    AutosavedDrafts drafts;

    @Inject
    Caller caller;

    private DraftText restorable;
    private Instant keptAt;
    private boolean tooLong;

    /** On opening the page: the user's autosaved text is offered, not put into the form. */
    void offer() {
        restorable = open.isMayEdit()
                ? drafts.find(caller.name(), open.getArticleId(), open.getLocale()).orElse(null)
                : null;
    }

    /** Keeps the form's text without saving a revision; an ajax request has put it into the form. */
    public void keep() {
        if (!lock.isWritable()) {
            return;
        }
        keepText();
        if (!lock.keep()) {
            // the form turns read-only; the notice of who took over (editLock) is rendered by every autosave
            FacesContext.getCurrentInstance().getPartialViewContext().getRenderIds().add("editor");
        }
    }

    /** Keeps the form's text, unless a field is longer than a revision may hold: then it says so. */
    void keepText() {
        try {
            keptAt = drafts.keep(caller.name(), open.getArticleId(), form.asDraft()).at();
            tooLong = false;
        } catch (BusinessException.InvalidInput refused) {
            tooLong = true;
        }
    }

    /** Puts the autosaved text back into the form, on top of the revision it was written on. */
    public void restore() {
        if (restorable != null) {
            if (open.getArticleId() == null) {
                open.setSourceLocale(restorable.locale());
            }
            form.restore(restorable);
            keptAt = restorable.at();
            restorable = null;
        }
    }

    public void discard() {
        drafts.forget(caller.name(), open.getArticleId(), open.getLocale());
        restorable = null;
    }

    /** The revision now holds the text; its save deleted the autosaved row. */
    void saved() {
        restorable = null;
        keptAt = null;
    }

    public DraftText getRestorable() {
        return restorable;
    }

    public Instant getKeptAt() {
        return keptAt;
    }

    /** The last autosave was refused: a field is longer than a revision may hold. */
    public boolean isTooLong() {
        return tooLong;
    }
}
