package org.medpub.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A search hit's passage shows the words of the body, not its Markdown. */
class SiteSearchTextTest {

    private static final char START = SiteSearch.MARK_START;
    private static final char END = SiteSearch.MARK_END;

    @Test
    void headingsBulletsAndNumbersLoseTheirMarks() {
        assertEquals("a rare sign. What does it feel like? A tension-type " + START + "headache" + END
                        + " is typically: a dull pain felt on both sides",
                SiteSearch.plainText("a rare sign.\n\n## What does it feel like?\n\nA tension-type " + START + "headache"
                        + END + " is typically:\n\n- a dull pain\n  * felt on both sides"));
        assertEquals("first step second step", SiteSearch.plainText("1. first step\n2) second step"));
        assertEquals("quoted", SiteSearch.plainText("> quoted"));
    }

    @Test
    void aFragmentThatStartsWithAHeadingLosesItsHashes() {
        assertEquals("kept ... " + START + "كيف" + END + " يبدو؟", SiteSearch.plainText("kept ... ## " + START + "كيف" + END + " يبدو؟"));
    }

    @Test
    void emphasisAndLinksKeepTheirWordsOnly() {
        assertEquals("Avoid taking pain relievers often; see the guideline.",
                SiteSearch.plainText("**Avoid taking pain relievers** often; see [the guideline](https://example.org/g)."));
        assertEquals("a - b and 3 - 2 = 1, C# #hashtag", SiteSearch.plainText("a - b and 3 - 2 = 1, C# #hashtag"));
    }

    @Test
    void nothingStaysNothing() {
        assertNull(SiteSearch.plainText(null));
    }
}
