package org.medpub.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sentences that name people: the links go in as they are, every other word is escaped, text in another language is marked. */
class BylineHtmlTest {

    private final SiteWords words = new SiteWords();

    private static People.Person person(String name, String credentials, String lang, String path) {
        return new People.Person("user", new People.Words(name, null),
                credentials == null ? null : new People.Words(credentials, lang), null, path);
    }

    @Test
    void authorsAreJoinedAsTheLocaleJoinsAListWithTheirCredentials() {
        BylineHtml spanish = new BylineHtml(words, "es");
        String first = spanish.person(person("Ana <Autora>", "Redactora médica", "es", "/es/people/ana"), true);
        String second = spanish.person(person("Bo", "Medical writer", "en", "/es/people/bo"), true);
        String third = spanish.person(person("Cy", null, null, null), true);
        assertEquals("Escrito por <a href=\"/es/people/ana\">Ana &lt;Autora&gt;</a>, Redactora médica, "
                        + "<a href=\"/es/people/bo\">Bo</a>, <span lang=\"en\" dir=\"ltr\">Medical writer</span> y Cy",
                spanish.sentence("article.byline", Map.of(), Map.of("authors", spanish.list(List.of(first, second, third)))));
    }

    @Test
    void theArabicReviewLineKeepsItsOwnCommasAndMarksLatinCredentials() {
        BylineHtml arabic = new BylineHtml(words, "ar");
        String line = arabic.sentence("article.review.byNameWithCredentials", Map.of("date", new java.util.Date(0)),
                Map.of("reviewer", arabic.person(person("Rana", "MD", "en", "/ar/people/rana"), false),
                        "credentials", arabic.text(new People.Words("MD", "en"))));
        assertTrue(line.startsWith("راجعه طبيًا <a href=\"/ar/people/rana\">Rana</a>، <span lang=\"en\" dir=\"ltr\">MD</span>، بتاريخ "),
                line);
    }
}
