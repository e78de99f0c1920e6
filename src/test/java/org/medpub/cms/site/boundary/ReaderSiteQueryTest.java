package org.medpub.cms.site.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The search words as the reader typed them, in any script. */
class ReaderSiteQueryTest {

    @Test
    void wordsOutsideAsciiAreReadAsUtf8() {
        assertEquals("الصداع", ReaderSite.queryParameter("q=%D8%A7%D9%84%D8%B5%D8%AF%D8%A7%D8%B9", "q"));
        assertEquals("Migräne Kopfschmerz", ReaderSite.queryParameter("q=Migr%C3%A4ne+Kopfschmerz", "q"));
    }

    @Test
    void theNamedParameterIsFoundAmongOthers() {
        assertEquals("flu", ReaderSite.queryParameter("page=2&q=flu&x", "q"));
        assertEquals("", ReaderSite.queryParameter("q", "q"));
        assertEquals("", ReaderSite.queryParameter("q=", "q"));
        assertNull(ReaderSite.queryParameter("query=flu", "q"));
        assertNull(ReaderSite.queryParameter(null, "q"));
    }

    @Test
    void aMalformedEscapeIsKeptAsTyped() {
        assertEquals("100%", ReaderSite.queryParameter("q=100%", "q"));
    }
}
