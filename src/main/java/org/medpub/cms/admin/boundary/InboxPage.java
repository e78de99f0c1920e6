package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.medpub.cms.notification.control.Inbox;
import org.medpub.cms.notification.entity.InboxEntry;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.LanguageNames;

/**
 * The signed-in user's notifications inbox ({@code /admin/inbox.xhtml}), newest first, a page of
 * {@value #PAGE_SIZE} at a time ({@code ?before=<entry id>} for older ones), and the unread count
 * that the header shows on every page. Each entry is worded here, in the UI language, from the
 * facts it keeps.
 */
@Named("inbox")
@RequestScoped
public class InboxPage {

    static final int PAGE_SIZE = 20;

    @Inject
    Inbox inbox;

    @Inject
    Caller caller;

    @Inject
    Words words;

    @Inject
    UiLanguage language;

    private Long before;
    private Inbox.Page page;
    private Long unread;

    public Long getBefore() {
        return before;
    }

    public void setBefore(Long before) {
        this.before = before;
    }

    public List<InboxEntry> getEntries() {
        return page().entries();
    }

    /** Whether older entries follow this page. */
    public boolean isMore() {
        return page().more();
    }

    /** The id that the link to the next, older page starts before. */
    public Long getOldest() {
        List<InboxEntry> entries = getEntries();
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).getId();
    }

    public long getUnread() {
        if (unread == null) {
            unread = inbox.unread(caller.name());
        }
        return unread;
    }

    /** What happened, in a sentence of the UI language ({@code inbox.what.<kind>}). */
    public String what(InboxEntry entry) {
        return words.format("inbox.what." + entry.getKind().name(), "actor", entry.getActor(),
                "revision", entry.getRevision(), "date", entry.getDueAt());
    }

    /** The article's language, named in the UI language. */
    public String languageName(String tag) {
        return LanguageNames.inText(tag, language.getLocale());
    }

    public void markRead(long id) {
        inbox.markRead(caller.name(), id);
        reread();
    }

    public void markAllRead() {
        int marked = inbox.markAllRead(caller.name());
        Notices.info(words.with("inbox.markedAllRead", "count", marked));
        reread();
    }

    /** The page and the header show the marks just made, not what was read before the action. */
    private void reread() {
        page = null;
        unread = null;
    }

    private Inbox.Page page() {
        if (page == null) {
            page = inbox.page(caller.name(), before, PAGE_SIZE);
        }
        return page;
    }
}
