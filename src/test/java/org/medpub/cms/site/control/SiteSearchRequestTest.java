package org.medpub.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a reader's {@code ?q=&page=} asks of the search: bounded words, a page that exists. */
class SiteSearchRequestTest {

    /** 3 per page, 8 ranked (3 pages at most), 20 characters. */
    private final SiteSearch search = new SiteSearch(3, 8, 20);

    @Test
    void wordsAreStrippedAndShortOnesKept() {
        var request = search.request("  migraine aura ", null);
        assertEquals("migraine aura", request.words());
        assertFalse(request.cut());
        assertTrue(search.request(null, null).isEmpty());
        assertTrue(search.request("   ", "2").isEmpty());
    }

    @Test
    void longWordsAreCutAtTheLastSpaceWithinTheLimit() {
        var request = search.request("migraine with aura treatment options", null);
        assertEquals("migraine with aura", request.words());
        assertTrue(request.cut());
        assertEquals("migraine with aura", search.request("migraine with aura   treatment", null).words());
        assertEquals("a".repeat(20), search.request("a".repeat(10_000), null).words(), "one endless word is cut at the limit");
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String words = "a".repeat(19) + "\uD83D\uDE00" + "b";
        assertEquals("a".repeat(19), search.request(words, null).words());
    }

    @Test
    void thePageIsAPositiveNumberAtMostTheLastRankedPage() {
        assertEquals(1, search.request("x", null).page());
        assertEquals(2, search.request("x", "2").page());
        assertEquals(3, search.request("x", "3").page());
        assertEquals(3, search.request("x", "99999").page(), "8 ranked matches fill 3 pages");
        for (String odd : List.of("0", "-1", "two", "", "1e3", "99999999999999999999")) {
            int page = search.request("x", odd).page();
            assertTrue(page == 1 || page == 3, odd + " → " + page);
        }
        assertEquals(1, search.request("x", "99999999999999999999").page(), "a number too long is no page");
    }
}
