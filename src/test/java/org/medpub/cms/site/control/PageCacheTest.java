package org.medpub.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PageCacheTest {

    private final AtomicInteger renders = new AtomicInteger();

    private Supplier<RenderedPage> render(int status) {
        return () -> {
            renders.incrementAndGet();
            return status == 301 ? RenderedPage.redirect(301, "/en/articles/new")
                    : RenderedPage.of(status, "text/html; charset=UTF-8", "<p>page " + renders.get() + "</p>", null, "en");
        };
    }

    @Test
    void aPageIsRenderedOnceAndThenServedFromMemory() {
        PageCache cache = new PageCache(10);

        RenderedPage first = cache.get("http://x/en/articles/a", render(200));
        RenderedPage second = cache.get("http://x/en/articles/a", render(200));

        assertSame(first, second);
        assertEquals(1, renders.get());
    }

    @Test
    void zeroPagesMeansEveryRequestRendersAnew() {
        PageCache cache = new PageCache(0);

        for (int i = 0; i < 3; i++) {
            cache.get("http://x/en/articles/a", render(200));
            cache.get("http://x/en/articles/moved", render(301));
        }

        assertEquals(6, renders.get());
    }

    @Test
    void notFoundPagesAreNeverKept() {
        PageCache cache = new PageCache(10);

        cache.get("http://x/en/articles/nothing", render(404));
        cache.get("http://x/en/articles/nothing", render(404));

        assertEquals(2, renders.get());
    }

    @Test
    void theCacheNeverHoldsMoreThanItsCapacity() {
        PageCache cache = new PageCache(2);

        cache.get("http://x/a", render(200));
        cache.get("http://x/b", render(200));
        cache.get("http://x/c", render(200)); // full: emptied, then c kept
        cache.get("http://x/c", render(200));
        cache.get("http://x/a", render(200));

        assertEquals(4, renders.get());
    }
}
