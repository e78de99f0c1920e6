package org.medpub.cms.admin.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;

/**
 * The editor form's text kept for the session while the user types, without a revision, and
 * offered back when the page is opened again.
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
    AutosavedDrafts drafts;

    private AutosavedDrafts.Draft restorable;
    private Instant keptAt;

    /** On opening the page: a draft kept earlier in the session is offered, not put into the form. */
    void offer() {
        restorable = open.getArticleId() == null ? null : drafts.find(open.getArticleId(), open.getLocale()).orElse(null);
    }

    /** Keeps the form's text for the session without saving a revision; an ajax request has put it into the form. */
    public void keep() {
        if (open.getArticleId() == null || !open.isMayEdit()) {
            return;
        }
        keptAt = drafts.keep(open.getArticleId(), open.getLocale(), form.asDraft(Instant.now())).at();
    }

    /** Puts the autosaved text back into the form, on top of the revision it was written on. */
    public void restore() {
        if (restorable != null) {
            form.restore(restorable);
            keptAt = restorable.at();
            restorable = null;
        }
    }

    public void discard() {
        drafts.forget(open.getArticleId(), open.getLocale());
        restorable = null;
    }

    /** The revision now holds the text. */
    void saved() {
        drafts.forget(open.getArticleId(), open.getLocale());
        restorable = null;
        keptAt = null;
    }

    public AutosavedDrafts.Draft getRestorable() {
        return restorable;
    }

    public Instant getKeptAt() {
        return keptAt;
    }
}
