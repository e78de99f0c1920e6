package org.medpub.cms.site.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.medpub.cms.platform.control.Database;

/**
 * Rendered reader pages, by URL, at most {@code cms.site.cache-bytes} of them (Caffeine, weighed
 * by their bytes; 0 keeps no page at all: every request renders from the database, for measuring
 * that path). Each page names what it was made from ({@link RenderedPage#dependsOn()}); when
 * {@link SiteChanges} reports {@link StalePages}, on this instance or from another, the pages that
 * depend on them are dropped and the rest stay. Before every hit {@link SiteChanges#check()} makes
 * sure no change was missed.
 * <p>
 * A page whose rendering began before a change that makes it stale is never kept: every drop
 * takes a number from a counter, each page keeps the counter's reading from before it was rendered, and
 * a page read before a drop of one of its keys is not served.
 * <p>
 * A page that changes by the passing of time alone ({@link RenderedPage#freshUntil()}: the day an
 * article's review becomes overdue) is rendered anew from that instant on.
 * <p>
 * At {@code /metrics}: {@code cms_page_cache_hits_total}, {@code cms_page_cache_misses_total} (pages
 * rendered, cached or not), {@code cms_page_cache_entries} and {@code cms_page_cache_size_bytes}.
 */
@ApplicationScoped
public class PageCache {

    /** What a cached entry costs besides its body: the entry, the record, the key's characters. */
    private static final int OVERHEAD_BYTES = 400;

    @Inject
    @ConfigProperty(name = "cms.site.cache-bytes")
    long capacityBytes;

    @Inject
    SiteChanges changes;

    @Inject
    Clock clock;

    @Inject
    MetricRegistry registry;

    private Cache<String, Kept> pages;
    private final AtomicLong dropClock = new AtomicLong();
    /** The drop counter's reading at the last drop of each key, and of every page. */
    private final Map<String, Long> droppedAt = new ConcurrentHashMap<>();
    private volatile long allDroppedAt;
    /** Null in a cache on its own, in unit tests. */
    private Counter hits;
    private Counter misses;

    private record Kept(RenderedPage page, long renderedAfter) {
    }

    /**
     * Made before {@link SiteChanges} listens to the other instances: their first announcement
     * reaches this observer on the data grid's own thread, outside the application, where the
     * container cannot read the configuration to make it (a stack trace in the log).
     */
    void madeBeforeTheGridListens(@Observes @Priority(Database.MIGRATED + 40) Startup startup) {
        // being called is the point: the container has made this bean in the application's context
    }

    /** For the container's proxy. */
    protected PageCache() {
    }

    /** A cache of at most this many bytes (0 keeps nothing) that hears of changes only by {@link #drop}. */
    PageCache(long capacityBytes) {
        this(capacityBytes, Clock.systemUTC());
    }

    PageCache(long capacityBytes, Clock clock) {
        this.capacityBytes = capacityBytes;
        this.clock = clock;
        build();
    }

    @PostConstruct
    void build() {
        pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(capacityBytes, 0))
                .weigher((String url, Kept kept) -> (int) Math.min(Integer.MAX_VALUE,
                        OVERHEAD_BYTES + 2L * url.length() + kept.page().body().length))
                // upkeep on the thread that changed the cache, not on a pool the container does not know
                .executor(Runnable::run)
                .build();
        if (registry != null) {
            hits = registry.counter(Metadata.builder().withName("cms_page_cache_hits")
                    .withDescription("Reader pages served from the page cache").build());
            misses = registry.counter(Metadata.builder().withName("cms_page_cache_misses")
                    .withDescription("Reader pages rendered because the cache held no current copy").build());
            registry.gauge(Metadata.builder().withName("cms_page_cache_entries")
                    .withDescription("Reader pages in the page cache").build(), () -> pages.estimatedSize());
            registry.gauge(Metadata.builder().withName("cms_page_cache_size").withUnit(MetricUnits.BYTES)
                    .withDescription("What the cached pages weigh, as counted against cms.site.cache-bytes").build(),
                    this::weight);
        }
    }

    public RenderedPage get(String url, Supplier<RenderedPage> render) {
        if (capacityBytes <= 0) {
            count(misses);
            return render.get();
        }
        if (changes != null) { // null: a cache on its own, in unit tests
            changes.check();
        }
        Kept kept = pages.getIfPresent(url);
        if (kept != null && isCurrent(kept)) {
            count(hits);
            return kept.page();
        }
        count(misses);
        long before = dropClock.get();
        RenderedPage page = render.get();
        if (page.cacheable()) {
            pages.put(url, new Kept(page, before));
        }
        return page;
    }

    /** Drops the pages that depend on what changed, or every page. */
    void drop(@Observes StalePages stale) {
        if (stale.isEmpty()) {
            return;
        }
        long now = dropClock.incrementAndGet();
        if (stale.all()) {
            allDroppedAt = now;
            pages.invalidateAll();
            return;
        }
        stale.keys().forEach(key -> droppedAt.put(key, now));
        pages.asMap().values().removeIf(kept -> !Collections.disjoint(kept.page().dependsOn(), stale.keys()));
    }

    /** The bytes the cached pages weigh, as counted against {@code cms.site.cache-bytes}. */
    long weight() {
        return pages.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    private static void count(Counter counter) {
        if (counter != null) {
            counter.inc();
        }
    }

    private boolean isCurrent(Kept kept) {
        if (kept.renderedAfter() < allDroppedAt || kept.page().expiredAt(clock.instant())) {
            return false;
        }
        for (String key : kept.page().dependsOn()) {
            if (kept.renderedAfter() < droppedAt.getOrDefault(key, 0L)) {
                return false;
            }
        }
        return true;
    }
}
