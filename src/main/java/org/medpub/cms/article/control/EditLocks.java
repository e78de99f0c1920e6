package org.medpub.cms.article.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.article.entity.EditLock;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.UserDirectory;

/**
 * Who is editing which locale of an article, so that two people do not type over each other
 * unawares: opening the editor takes the lock when it is free, lapsed or already one's own, and
 * every autosave keeps it; another person is told who holds it since when and may take it over,
 * which the first person's next autosave learns. The lock lapses after {@code cms.editor.lock-idle}
 * without an autosave. It is a warning, not a guard: a save's If-Match check stays the last defence.
 */
@ApplicationScoped
@Transactional
public class EditLocks {

    /** One person has the locale of the article open in the editor since a time. */
    public record Editing(long articleId, String locale, String username, String displayName, Instant since)
            implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    UserDirectory users;

    @Inject
    @ConfigProperty(name = "cms.editor.lock-idle")
    Duration idle;

    /**
     * Keeps or takes the lock for the actor when nobody else holds it: on opening the editor and on
     * each autosave. Otherwise nothing changes and the answer is who holds it.
     */
    public Optional<Editing> keep(long articleId, String locale, Actor actor) {
        Instant now = clock.instant();
        EditLock lock = em.find(EditLock.class, new EditLock.Key(articleId, locale), LockModeType.PESSIMISTIC_WRITE);
        if (lock == null) {
            em.persist(new EditLock(articleId, locale, actor.username(), now));
            return Optional.empty();
        }
        if (lock.getUsername().equals(actor.username())) {
            lock.beat(now);
            return Optional.empty();
        }
        if (lock.isHeldAt(now, idle)) {
            return Optional.of(editing(lock));
        }
        lock.hand(actor.username(), now);
        return Optional.empty();
    }

    /** The actor takes the lock from whoever holds it; their next autosave is told. */
    public void takeOver(long articleId, String locale, Actor actor) {
        Instant now = clock.instant();
        EditLock lock = em.find(EditLock.class, new EditLock.Key(articleId, locale), LockModeType.PESSIMISTIC_WRITE);
        if (lock == null) {
            em.persist(new EditLock(articleId, locale, actor.username(), now));
        } else {
            lock.hand(actor.username(), now);
        }
    }

    /** Who is editing the article's locale now, if anyone. */
    public Optional<Editing> current(long articleId, String locale) {
        return Optional.ofNullable(em.find(EditLock.class, new EditLock.Key(articleId, locale)))
                .filter(lock -> lock.isHeldAt(clock.instant(), idle))
                .map(this::editing);
    }

    /** Who is editing which locale of these articles now (for a list of articles): one query. */
    public List<Editing> current(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select l from EditLock l where l.articleId in :ids and l.heartbeat > :lapsed", EditLock.class)
                .setParameter("ids", articleIds)
                .setParameter("lapsed", clock.instant().minus(idle))
                .getResultList().stream()
                .map(this::editing)
                .toList();
    }

    private Editing editing(EditLock lock) {
        String name = users.find(lock.getUsername()).map(account -> account.getDisplayName()).orElse(lock.getUsername());
        return new Editing(lock.getArticleId(), lock.getLocale(), lock.getUsername(), name, lock.getSince());
    }
}
