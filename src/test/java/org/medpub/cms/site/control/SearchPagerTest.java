package org.medpub.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pager of search results: first, last, and two either side of the current page; 0 is a gap. */
class SearchPagerTest {

    @Test
    void fewPagesAreAllShown() {
        assertEquals(List.of(1, 2, 3), ReaderPages.pageNumbers(2, 3));
        assertEquals(List.of(1), ReaderPages.pageNumbers(1, 1));
    }

    @Test
    void manyPagesShowTheNeighboursOfTheCurrentOneWithGaps() {
        assertEquals(List.of(1, 2, 3, 0, 50), ReaderPages.pageNumbers(1, 50));
        assertEquals(List.of(1, 0, 18, 19, 20, 21, 22, 0, 50), ReaderPages.pageNumbers(20, 50));
        assertEquals(List.of(1, 0, 48, 49, 50), ReaderPages.pageNumbers(50, 50));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 0, 9), ReaderPages.pageNumbers(4, 9));
    }
}
