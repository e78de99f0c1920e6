package org.medpub.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void countsWholePagesAndOneForAnEmptyLocale() {
        assertEquals(1, Paging.of(1, 0, 30).pages());
        assertEquals(1, Paging.of(1, 30, 30).pages());
        assertEquals(2, Paging.of(1, 31, 30).pages());
        assertEquals(3334, Paging.of(1, 100_000, 30).pages());
        assertTrue(Paging.of(1, 0, 30).exists());
        assertFalse(Paging.of(2, 30, 30).exists());
        assertEquals(30, Paging.of(2, 31, 30).offset(30));
    }

    @Test
    void onlyAPlainNumberFromOneIsAPage() {
        assertEquals(OptionalLong.of(1), Paging.requested(null));
        assertEquals(OptionalLong.of(12), Paging.requested("12"));
        for (String no : List.of("", "0", "-1", "01", "two", "1.5", " 2", "99999999999999999999")) {
            assertTrue(Paging.requested(no).isEmpty(), no);
        }
    }

    @Test
    void linksTheFirstTheLastAndTwoEitherSideWithGaps() {
        assertEquals(List.of(1L, 2L, 3L, 0L, 10L), new Paging(1, 10).links());
        assertEquals(List.of(1L, 0L, 3L, 4L, 5L, 6L, 7L, 0L, 10L), new Paging(5, 10).links());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), new Paging(4, 6).links());
        assertEquals(List.of(1L), new Paging(1, 1).links());
    }

    @Test
    void pageOneHasNoQuery() {
        assertEquals("/en/", Paging.path("en", 1));
        assertEquals("/ar/?page=7", Paging.path("ar", 7));
    }
}
