package org.medpub.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.workflow.control.WorkflowTransitioned;

/**
 * Rendered reader pages, by URL. A page depends on what is live (its own revision, the
 * alternates in other locales, the lists it appears in), so every step whose workflow rule
 * {@linkplain org.medpub.cms.workflow.control.TransitionRule#changesWhatReadersSee() changes what
 * readers see} empties the cache once it has committed: the next request renders anew.
 * {@code cms.site.cached-pages=0} keeps no page at all: every request renders from the database
 * (for measuring that path; production wants the cache).
 */
@ApplicationScoped
public class PageCache {

    @Inject
    @ConfigProperty(name = "cms.site.cached-pages")
    int capacity;

    /** For the container's proxy. */
    protected PageCache() {
    }

    /** A cache that keeps at most this many pages; 0 keeps none. */
    PageCache(int capacity) {
        this.capacity = capacity;
    }

    private final Map<String, RenderedPage> pages = new ConcurrentHashMap<>();

    public RenderedPage get(String url, Supplier<RenderedPage> render) {
        RenderedPage cached = pages.get(url);
        if (cached != null) {
            return cached;
        }
        RenderedPage page = render.get();
        if (page.cacheable() && capacity > 0) {
            if (pages.size() >= capacity) {
                // a crude bound: crawlers of odd URLs must not fill the memory
                pages.clear();
            }
            pages.put(url, page);
        }
        return page;
    }

    void onStep(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkflowTransitioned step) {
        if (step.rule().changesWhatReadersSee()) {
            pages.clear();
        }
    }
}
