package org.medpub.cms.site.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.article.control.DisclosureChanged;
import org.medpub.cms.article.control.TopicsChanged;
import org.medpub.cms.platform.control.Cluster;
import org.medpub.cms.platform.control.Database;
import org.medpub.cms.platform.control.DatabaseOutage;
import org.medpub.cms.platform.control.ProfilesChanged;
import org.medpub.cms.media.control.ImageTextsChanged;
import org.medpub.cms.workflow.control.ArticlesImported;
import org.medpub.cms.workflow.control.WorkflowTransitioned;

/**
 * Tells every instance which reader pages a committed step made stale, and makes sure none of them
 * keeps one. The workflow knows nothing of this: it fires {@link WorkflowTransitioned}, and once a
 * step that changes what readers see has committed, this instance drops the pages that depend on
 * it and announces the change on Payara's data grid: a number from a counter in a grid map, the
 * keys in a grid log (kept {@link #LOG_KEPT}) and a message on a grid topic that the other
 * instances act on within milliseconds.
 * <p>
 * A message can be lost, so before serving a cached page an instance compares, at most every
 * {@code cms.site.cache-check-millis}, the grid's latest change number with the changes it applied
 * ({@link ChangeLedger}). And since an instance can stop between its commit and its announcement,
 * or the grid can fail, at most every {@code cms.site.cache-database-check-millis} it also reads the
 * reader-visible steps of the audit trail since its last look, and drops the pages of any step it
 * has not dropped them for since. Without a grid the instance works alone, with that database check.
 */
@ApplicationScoped
public class SiteChanges {

    private static final Logger LOG = Logger.getLogger(SiteChanges.class.getName());

    static final String TOPIC = "cms-site-changes";
    static final String COUNTER = "cms-site-change-counter";
    static final String CHANGE_LOG = "cms-site-change-log";
    private static final String LATEST = "latest";
    /** How long the grid keeps the keys of a change for instances that missed its message. */
    static final Duration LOG_KEPT = Duration.ofHours(1);
    /**
     * How long before its commit a step may be recorded in the audit trail (its transaction's
     * length): the database check reads that far back before its last look.
     */
    private static final Duration COMMIT_MARGIN = Duration.ofSeconds(30);

    @Inject
    Cluster cluster;

    @Inject
    PublishedArticles published;

    @Inject
    Event<StalePages> stale;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cms.site.cache-check-millis")
    long gridCheckMillis;

    @Inject
    @ConfigProperty(name = "cms.site.cache-database-check-millis")
    long databaseCheckMillis;

    private final ChangeLedger ledger = new ChangeLedger();
    private final AtomicLong nextGridCheck = new AtomicLong(System.nanoTime());
    private final AtomicLong nextDatabaseCheck = new AtomicLong(System.nanoTime());
    /** When this instance last dropped the pages of a key, and of all keys. */
    private final Map<String, Instant> droppedAt = new ConcurrentHashMap<>();
    private volatile Instant allDroppedAt = Instant.MIN;
    /** The steps in the audit trail up to here are accounted for. */
    private volatile Instant databaseCheckedUpTo;
    private volatile boolean gridFailing;
    private volatile boolean auditTrailFailing;
    private HazelcastInstance listened;
    private UUID listener;

    /** Listens to the other instances' announcements before the first page is served. */
    void start(@Observes @Priority(Database.MIGRATED + 50) Startup startup) {
        databaseCheckedUpTo = clock.instant();
        cluster.grid().ifPresent(grid -> {
            try {
                listened = grid;
                listener = topic(grid).addMessageListener(message -> onAnnouncement(message.getMessageObject()));
                Long latest = counter(grid).get(LATEST);
                ledger.startAt(latest == null ? 0 : latest);
            } catch (RuntimeException e) {
                gridFailed(e);
            }
        });
    }

    @PreDestroy
    void stop() {
        if (listener != null) {
            try {
                topic(listened).removeMessageListener(listener);
            } catch (RuntimeException gridAlreadyDown) {
                LOG.log(Level.FINE, "The grid stopped first", gridAlreadyDown);
            }
        }
    }

    void onStep(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkflowTransitioned step) {
        if (!step.rule().changesWhatReadersSee()) {
            return;
        }
        announce(PageDependency.ofStep(step.articleId(), step.locale()));
    }

    /** A batch import is one change: the pages of what it published, and the lists of its locales. */
    void onImport(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticlesImported batch) {
        Set<String> keys = new HashSet<>();
        batch.publishedLocales().forEach((article, locales) ->
                locales.forEach(locale -> keys.addAll(PageDependency.ofStep(article, locale))));
        if (!keys.isEmpty()) {
            announce(keys);
        }
    }

    /** An image's alt text, caption or credit changed: the pages of the live articles that show it are stale. */
    void onImageTexts(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImageTextsChanged change) {
        // the article's pages in every locale: an image's texts are of one locale, but fallbacks show them in others
        announce(change.articleIds().stream().map(PageDependency::article).collect(Collectors.toSet()));
    }

    /** An article's audience or disclosure changed: its pages in every locale are stale. */
    void onDisclosure(@Observes(during = TransactionPhase.AFTER_SUCCESS) DisclosureChanged change) {
        announce(Set.of(PageDependency.article(change.articleId())));
    }

    /** A public profile changed: the pages that name people (articles, people pages) are stale. */
    void onProfile(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProfilesChanged change) {
        announce(Set.of(PageDependency.PEOPLE));
    }

    /** A topic was added or renamed: the pages that show topic names or list a topic's articles are stale. */
    void onTopics(@Observes(during = TransactionPhase.AFTER_SUCCESS) TopicsChanged change) {
        announce(Set.of(PageDependency.TOPICS));
    }

    /** Drops the pages of these keys here, and tells the other instances through the grid. */
    private void announce(Set<String> keys) {
        drop(StalePages.of(keys));
        cluster.grid().ifPresent(grid -> {
            try {
                String joined = String.join(",", keys);
                long change = increment(counter(grid));
                changeLog(grid).set(change, joined, LOG_KEPT.toSeconds(), TimeUnit.SECONDS);
                ledger.apply(change);
                topic(grid).publish(change + " " + joined);
            } catch (RuntimeException e) {
                gridFailed(e);
            }
        });
    }

    /**
     * Before a cached page is served: drops what this instance missed, asking the grid and the
     * database no more often than configured. Cheap between those times.
     */
    public void check() {
        if (isDue(nextGridCheck, gridCheckMillis)) {
            checkGrid();
        }
        if (isDue(nextDatabaseCheck, databaseCheckMillis)) {
            checkDatabase();
        }
    }

    private void onAnnouncement(String message) {
        int space = message.indexOf(' ');
        long change = Long.parseLong(message.substring(0, space));
        if (ledger.apply(change)) {
            drop(StalePages.of(keys(message.substring(space + 1))));
        }
    }

    private void checkGrid() {
        cluster.grid().ifPresent(grid -> {
            try {
                Long latest = counter(grid).get(LATEST);
                IMap<Long, String> changeLog = changeLog(grid);
                drop(ledger.catchUp(latest == null ? 0 : latest, numbers -> {
                    Map<Long, Set<String>> logged = new HashMap<>();
                    changeLog.getAll(numbers).forEach((change, joined) -> logged.put(change, keys(joined)));
                    return logged;
                }));
                if (gridFailing) {
                    gridFailing = false;
                    LOG.info("The data grid answers again");
                }
            } catch (RuntimeException e) {
                gridFailed(e);
            }
        });
    }

    private void checkDatabase() {
        Instant upTo = clock.instant();
        if (databaseCheckedUpTo == null) {
            databaseCheckedUpTo = upTo;
            return;
        }
        try {
            for (PublishedArticles.Change change : published.changesSince(databaseCheckedUpTo.minus(COMMIT_MARGIN))) {
                String article = PageDependency.article(change.articleId());
                Instant dropped = droppedAt.getOrDefault(article, Instant.MIN);
                if (change.at().isAfter(dropped) && change.at().isAfter(allDroppedAt)) {
                    LOG.fine(() -> "Article " + change.articleId() + " changed at " + change.at() + " unannounced");
                    drop(StalePages.of(PageDependency.ofStep(change.articleId(), change.locale())));
                    droppedAt.merge(article, change.at(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            databaseCheckedUpTo = upTo;
            if (auditTrailFailing) {
                auditTrailFailing = false;
                LOG.info("The audit trail is read again for unannounced changes");
            }
        } catch (RuntimeException unreadable) {
            // the next check reads from the same point
            if (!auditTrailFailing) {
                auditTrailFailing = true;
                if (DatabaseOutage.isCause(unreadable)) {
                    // an outage is told once, by DatabaseOutage, without a trace
                    LOG.warning("The audit trail could not be read for unannounced changes: the database is unreachable");
                } else {
                    LOG.log(Level.WARNING, "The audit trail could not be read for unannounced changes", unreadable);
                }
            }
        }
    }

    private void drop(StalePages pages) {
        if (pages.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (pages.all()) {
            allDroppedAt = now;
        }
        pages.keys().forEach(key -> droppedAt.merge(key, now, (a, b) -> a.isAfter(b) ? a : b));
        stale.fire(pages);
    }

    private void gridFailed(RuntimeException e) {
        if (!gridFailing) {
            gridFailing = true;
            LOG.log(Level.WARNING, "The data grid failed; stale pages are found through the database until it answers", e);
        }
    }

    private static boolean isDue(AtomicLong next, long intervalMillis) {
        long now = System.nanoTime();
        long due = next.get();
        return now - due >= 0 && next.compareAndSet(due, now + TimeUnit.MILLISECONDS.toNanos(intervalMillis));
    }

    /** The next change number: a compare-and-set on a grid map entry, safe from any member. */
    private static long increment(IMap<String, Long> counter) {
        while (true) {
            Long current = counter.putIfAbsent(LATEST, 1L);
            if (current == null) {
                return 1;
            }
            if (counter.replace(LATEST, current, current + 1)) {
                return current + 1;
            }
        }
    }

    private static Set<String> keys(String joined) {
        return Set.copyOf(Arrays.asList(joined.split(",")));
    }

    private static ITopic<String> topic(HazelcastInstance grid) {
        return grid.getTopic(TOPIC);
    }

    private static IMap<String, Long> counter(HazelcastInstance grid) {
        return grid.getMap(COUNTER);
    }

    private static IMap<Long, String> changeLog(HazelcastInstance grid) {
        return grid.getMap(CHANGE_LOG);
    }
}
