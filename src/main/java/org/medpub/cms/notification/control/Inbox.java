package org.medpub.cms.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medpub.cms.notification.entity.InboxEntry;

/**
 * The notifications inbox of each member of the team: what {@link Notifications} and
 * {@link ReReviewReminders} announce, kept in the database beside the mail outbox and written in
 * the same transaction, but never depending on mail, so that it works without an SMTP server.
 * A reader sees and marks only their own entries.
 */
@ApplicationScoped
public class Inbox {

    /** Keys asked about in one statement. */
    private static final int KEYS_PER_QUERY = 500;

    /** One page of a reader's entries, newest first, and whether older ones follow. */
    public record Page(List<InboxEntry> entries, boolean more) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Puts an entry in the inbox as part of the caller's transaction: it exists only if that commits. */
    @Transactional(TxType.MANDATORY)
    public void put(InboxEntry entry) {
        em.persist(entry);
    }

    /** Those of these dedupe keys that an entry holds, in anyone's inbox. */
    @Transactional(TxType.MANDATORY)
    public Set<String> held(Collection<String> keys) {
        Set<String> held = new HashSet<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            held.addAll(em.createQuery("select e.dedupeKey from InboxEntry e where e.dedupeKey in :keys", String.class)
                    .setParameter("keys", all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY)))
                    .getResultList());
        }
        return held;
    }

    /** The reader's entries older than entry {@code before} (all when null), newest first, at most {@code size}. */
    @Transactional
    public Page page(String reader, Long before, int size) {
        var query = before == null
                ? em.createQuery("select e from InboxEntry e where e.recipient = :reader order by e.id desc",
                        InboxEntry.class)
                : em.createQuery("select e from InboxEntry e where e.recipient = :reader and e.id < :before"
                        + " order by e.id desc", InboxEntry.class).setParameter("before", before);
        List<InboxEntry> found = query.setParameter("reader", reader).setMaxResults(size + 1).getResultList();
        return new Page(found.stream().limit(size).toList(), found.size() > size);
    }

    @Transactional
    public long unread(String reader) {
        return em.createQuery("select count(e) from InboxEntry e where e.recipient = :reader and e.readAt is null",
                        Long.class)
                .setParameter("reader", reader)
                .getSingleResult();
    }

    /** Marks one of the reader's entries read; another's entry, or one already read, is left as it is. */
    @Transactional
    public boolean markRead(String reader, long id) {
        InboxEntry entry = em.find(InboxEntry.class, id);
        if (entry == null || !entry.getRecipient().equals(reader) || entry.isRead()) {
            return false;
        }
        entry.markRead(clock.instant());
        return true;
    }

    /** Marks all the reader's entries read; how many were unread. */
    @Transactional
    public int markAllRead(String reader) {
        List<InboxEntry> unread = em.createQuery("select e from InboxEntry e where e.recipient = :reader"
                        + " and e.readAt is null", InboxEntry.class)
                .setParameter("reader", reader)
                .getResultList();
        unread.forEach(entry -> entry.markRead(clock.instant()));
        return unread.size();
    }
}
