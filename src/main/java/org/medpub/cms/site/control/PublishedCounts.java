package org.medpub.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * How many articles are published in each locale, for the pages of its index: counted once (a range
 * of an index) and kept until a change in that locale makes its pages stale ({@link StalePages}), so
 * that page 1 and every other costs no count.
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

    private final Map<String, Long> counts = new HashMap<>();
    private long generation;

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
        long counted = published.countInLocale(locale);
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
            counts.keySet().removeIf(locale -> stale.keys().contains(PageDependency.locale(locale)));
        }
    }
}
