package org.medpub.cms.site.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.medpub.cms.platform.control.Database;

/**
 * How many articles each locale's index lists ({@link ListedLocales}), for the pages of the index:
 * counted once (ranges of an index) and kept until a change in one of the locales it lists makes its
 * pages stale ({@link StalePages}), so that page 1 and every other costs no count.
 * <p>
 * A count read before a change and kept after it would be wrong until the next: each drop moves a
 * generation on, and a count is kept only when none happened while it was read.
 */
@ApplicationScoped
public class PublishedCounts {

    @Inject
    PublishedArticles published;

    @Inject
    SiteChanges changes;

    @Inject
    ListedLocales listed;

    private final Map<String, Long> counts = new HashMap<>();
    private long generation;

    /**
     * Made before {@link SiteChanges} listens to the other instances: their first announcement
     * reaches this observer on the data grid's own thread, outside the application, where the
     * container cannot read the configuration to make it (a stack trace in the log).
     */
    void madeBeforeTheGridListens(@Observes @Priority(Database.MIGRATED + 40) Startup startup) {
        // being called is the point: the container has made this bean in the application's context
    }

    public long inLocale(String locale) {
        changes.check();
        long before;
        synchronized (this) {
            Long known = counts.get(locale);
            if (known != null) {
                return known;
            }
            before = generation;
        }
        long counted = published.countListed(listed.of(locale));
        synchronized (this) {
            if (generation == before) {
                counts.put(locale, counted);
            }
        }
        return counted;
    }

    synchronized void drop(@Observes StalePages stale) {
        if (stale.isEmpty()) {
            return;
        }
        generation++;
        if (stale.all()) {
            counts.clear();
        } else {
            counts.keySet().removeIf(locale -> listed.of(locale).stream()
                    .anyMatch(tag -> stale.keys().contains(PageDependency.locale(tag))));
        }
    }
}
