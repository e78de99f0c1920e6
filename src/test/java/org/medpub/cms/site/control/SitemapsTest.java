package org.medpub.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medpub.cms.site.control.PublishedArticles.PublishedPage;

class SitemapsTest {

    @Test
    void aFileIsNamedByItsLocaleAndANumberFromOne() {
        assertEquals(Optional.of(new Sitemaps.FileName("en", 2)), Sitemaps.parse("en-2.xml"));
        assertEquals(Optional.of(new Sitemaps.FileName("es-MX", 1)), Sitemaps.parse("es-MX-1.xml"));
        for (String no : List.of("en-0.xml", "en-01.xml", "en.xml", "en-1", "-1.xml", "en-1.xml/x", "en-x.xml", "")) {
            assertTrue(Sitemaps.parse(no).isEmpty(), no);
        }
    }

    @Test
    void filesHoldAtMostTheLimit() {
        assertEquals(0, Sitemaps.files(0, 50_000));
        assertEquals(1, Sitemaps.files(50_000, 50_000));
        assertEquals(2, Sitemaps.files(100_000, 50_000));
        assertEquals(4, Sitemaps.files(10, 3));
    }

    @Test
    void aUrlHasItsLastmodAndItsArticlesAlternatesWithXDefault() {
        Instant at = Instant.parse("2026-03-01T10:15:30.123Z");
        List<PublishedPage> article = List.of(new PublishedPage(7, "de", "migraene", at, "es"),
                new PublishedPage(7, "es", "migraña & más", at.plusSeconds(60), "es"));
        String url = Sitemaps.url("https://example.org", "es", article, "en");
        assertEquals("<url><loc>https://example.org/es/articles/migra%C3%B1a+%26+m%C3%A1s</loc>"
                + "<lastmod>2026-03-01T10:16:30Z</lastmod>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"https://example.org/de/articles/migraene\"/>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/articles/migra%C3%B1a+%26+m%C3%A1s\"/>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/es/articles/migra%C3%B1a+%26+m%C3%A1s\"/>"
                + "</url>\n", url);
    }

    @Test
    void xDefaultIsTheDefaultLocaleThenTheSourceThenTheFirst() {
        Map<String, String> slugs = new LinkedHashMap<>();
        slugs.put("de", "d");
        slugs.put("en", "e");
        slugs.put("fr", "f");
        assertEquals(new Alternates.Link("x-default", "/en/articles/e"), last(Alternates.of(slugs, "en", "fr")));
        slugs.remove("en");
        assertEquals(new Alternates.Link("x-default", "/fr/articles/f"), last(Alternates.of(slugs, "en", "fr")));
        assertEquals(new Alternates.Link("x-default", "/de/articles/d"), last(Alternates.of(slugs, "en", "ar")));
        assertEquals(3, Alternates.of(slugs, "en", "ar").size());
    }

    private static Alternates.Link last(List<Alternates.Link> links) {
        return links.get(links.size() - 1);
    }
}
