package org.medpub.cms.admin.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.medpub.cms.article.control.EditLocks;
import org.medpub.cms.platform.boundary.Caller;

/**
 * Whether the form of the open article is the user's to type in: opening it takes the edit lock
 * when nobody else holds it; otherwise it shows who does, since when, and stays read-only until the
 * user takes it over. An autosave that finds the lock taken over makes the form read-only too.
 */
@Named("editLock")
@ViewScoped
public class EditingLock implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OpenArticle open;

    @Inject
    EditLocks locks;

    @Inject
    Caller caller;

    private EditLocks.Editing holder;
    private boolean takenOver;

    /** On opening the page: the lock for whoever may edit; who holds it, for everyone. */
    void open() {
        if (open.getArticleId() == null) {
            holder = null;
        } else if (open.isMayEdit()) {
            holder = locks.keep(open.getArticleId(), open.getLocale(), caller.actor()).orElse(null);
        } else {
            holder = locks.current(open.getArticleId(), open.getLocale()).orElse(null);
        }
    }

    /** Keeps the lock on an autosave or save; false when someone else has taken it over meanwhile. */
    boolean keep() {
        if (open.getArticleId() == null || !open.isMayEdit()) {
            return true;
        }
        holder = locks.keep(open.getArticleId(), open.getLocale(), caller.actor()).orElse(null);
        takenOver = holder != null;
        return !takenOver;
    }

    public String takeOver() {
        if (open.getArticleId() != null && open.isMayEdit()) {
            locks.takeOver(open.getArticleId(), open.getLocale(), caller.actor());
            holder = null;
            takenOver = false;
        }
        return null;
    }

    /** The user may edit, and nobody else holds the lock. */
    public boolean isWritable() {
        return open.isMayEdit() && holder == null;
    }

    /** Who else is editing, or null. */
    public EditLocks.Editing getHolder() {
        return holder;
    }

    /** The user was editing until the holder took over. */
    public boolean isTakenOver() {
        return takenOver;
    }
}
