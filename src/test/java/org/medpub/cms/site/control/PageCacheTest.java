package org.medpub.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PageCacheTest {

    private final AtomicInteger renders = new AtomicInteger();

    private Supplier<RenderedPage> render(int status, String... dependsOn) {
        return () -> {
            renders.incrementAndGet();
            return (status == 301 ? RenderedPage.redirect(301, "/en/articles/new")
                    : RenderedPage.of(status, "text/html; charset=UTF-8", "<p>page " + renders.get() + "</p>", null, "en"))
                    .dependingOn(dependsOn);
        };
    }

    @Test
    void aPageIsRenderedOnceAndThenServedFromMemory() {
        PageCache cache = new PageCache(1_000_000);

        RenderedPage first = cache.get("http://x/en/articles/a", render(200));
        RenderedPage second = cache.get("http://x/en/articles/a", render(200));

        assertSame(first, second);
        assertEquals(1, renders.get());
    }

    @Test
    void aPageWhoseReviewBecomesOverdueIsRenderedAnewFromThatInstant() {
        Instant overdueFrom = Instant.parse("2026-12-03T00:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(overdueFrom.minusSeconds(60));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        PageCache cache = new PageCache(1_000_000, clock);
        Supplier<RenderedPage> render = () -> render(200).get().freshUntil(overdueFrom);

        RenderedPage before = cache.get("http://x/en/articles/a", render);
        assertSame(before, cache.get("http://x/en/articles/a", render));
        now.set(overdueFrom);
        RenderedPage after = cache.get("http://x/en/articles/a", render);

        assertNotSame(before, after);
        assertEquals(2, renders.get());
    }

    @Test
    void zeroBytesMeansEveryRequestRendersAnew() {
        PageCache cache = new PageCache(0);

        for (int i = 0; i < 3; i++) {
            cache.get("http://x/en/articles/a", render(200));
            cache.get("http://x/en/articles/moved", render(301));
        }

        assertEquals(6, renders.get());
    }

    @Test
    void notFoundPagesAreNeverKept() {
        PageCache cache = new PageCache(1_000_000);

        cache.get("http://x/en/articles/nothing", render(404));
        cache.get("http://x/en/articles/nothing", render(404));

        assertEquals(2, renders.get());
    }

    @Test
    void theCacheNeverWeighsMoreThanItsBytesAndKeepsWhatFits() {
        PageCache cache = new PageCache(10_000);
        Supplier<RenderedPage> large = () -> RenderedPage.of(200, "text/html", "x".repeat(3_000), null, "en");

        for (int i = 0; i < 20; i++) {
            cache.get("http://x/en/articles/" + i, large);
            assertTrue(cache.weight() <= 10_000, "weighs " + cache.weight());
        }
        assertTrue(cache.weight() >= 3_000, "keeps some pages, not none: " + cache.weight());
    }

    @Test
    void aChangeDropsThePagesThatDependOnItAndNoOther() {
        PageCache cache = new PageCache(1_000_000);
        String article1 = PageDependency.article(1);
        RenderedPage en1 = cache.get("http://x/en/articles/a", render(200, article1));
        RenderedPage es1 = cache.get("http://x/es/articles/a", render(200, article1));
        RenderedPage en2 = cache.get("http://x/en/articles/b", render(200, PageDependency.article(2)));
        RenderedPage indexEn = cache.get("http://x/en/", render(200, PageDependency.locale("en")));
        RenderedPage indexDe = cache.get("http://x/de/", render(200, PageDependency.locale("de")));
        RenderedPage sitemap = cache.get("http://x/sitemap.xml", render(200, PageDependency.SITEMAP));

        cache.drop(StalePages.of(PageDependency.ofStep(1, "en")));

        assertNotSame(en1, cache.get("http://x/en/articles/a", render(200, article1)), "the article, in its locale");
        assertNotSame(es1, cache.get("http://x/es/articles/a", render(200, article1)), "and in every other");
        assertNotSame(indexEn, cache.get("http://x/en/", render(200, PageDependency.locale("en"))), "its locale's index");
        assertNotSame(sitemap, cache.get("http://x/sitemap.xml", render(200, PageDependency.SITEMAP)), "the sitemap");
        assertSame(en2, cache.get("http://x/en/articles/b", render(200)), "another article stays");
        assertSame(indexDe, cache.get("http://x/de/", render(200)), "another locale's index stays");
        assertEquals(10, renders.get());
    }

    @Test
    void aPageRenderedWhileItsArticleChangedIsNotServedAfterwards() {
        PageCache cache = new PageCache(1_000_000);
        String article = PageDependency.article(7);

        // the change commits and is announced while the page is being rendered from the old revision
        RenderedPage old = cache.get("http://x/en/articles/a", () -> {
            cache.drop(StalePages.of(Set.of(article)));
            return RenderedPage.of(200, "text/html", "old", null, "en").dependingOn(article);
        });
        RenderedPage next = cache.get("http://x/en/articles/a",
                () -> RenderedPage.of(200, "text/html", "new", null, "en").dependingOn(article));

        assertEquals("old", new String(old.body()));
        assertEquals("new", new String(next.body()));
        assertSame(next, cache.get("http://x/en/articles/a", render(200, article)), "rendered after the change: kept");
    }

    @Test
    void whenMissedChangesAreUnknownEveryPageGoes() {
        PageCache cache = new PageCache(1_000_000);
        RenderedPage page = cache.get("http://x/en/articles/b", render(200, PageDependency.article(2)));

        cache.drop(StalePages.ALL);

        assertNotSame(page, cache.get("http://x/en/articles/b", render(200, PageDependency.article(2))));
        assertEquals(2, renders.get());
    }
}
