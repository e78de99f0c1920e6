package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * Problem titles speak the caller's language (the best enabled match of {@code Accept-Language},
 * the default locale otherwise) and say so in {@code Content-Language}; the type never changes.
 */
abstract class ProblemLanguageTests {

    private final Api author = Api.as("author");

    @Test
    void withoutAcceptLanguageTheTitleIsInTheDefaultLocale() {
        var missing = author.get("/api/articles/987654321");

        assertEquals(404, missing.status(), missing::toString);
        assertEquals("/problems/not-found", missing.json().get("type").asText());
        assertEquals("Not found", missing.json().get("title").asText());
        assertEquals("en", missing.header("Content-Language").orElseThrow());
        assertTrue(missing.header("Vary").orElseThrow().contains("Accept-Language"), missing.response().headers()::toString);
    }

    @Test
    void aBusinessProblemIsTitledInTheCallersLanguage() {
        var missing = author.send(author.request("/api/articles/987654321").header("Accept-Language", "de-AT, en;q=0.5"));

        assertEquals(404, missing.status());
        assertEquals("/problems/not-found", missing.json().get("type").asText());
        assertEquals("Nicht gefunden", missing.json().get("title").asText());
        assertEquals("de", missing.header("Content-Language").orElseThrow());
    }

    @Test
    void aLanguageThatIsNotEnabledGetsTheDefault() {
        var missing = author.send(author.request("/api/articles/987654321").header("Accept-Language", "it, pt;q=0.8"));

        assertEquals("Not found", missing.json().get("title").asText());
        assertEquals("en", missing.header("Content-Language").orElseThrow());
    }

    @Test
    void malformedJsonAndTheWrongMediaTypeAreTitledToo() {
        var malformed = author.send(author.request("/api/articles").header("Accept-Language", "es-MX")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\": ")));
        assertEquals("/problems/malformed-json", malformed.json().get("type").asText());
        assertEquals("El cuerpo de la solicitud no es JSON válido", malformed.json().get("title").asText());
        assertEquals("es", malformed.header("Content-Language").orElseThrow());

        var text = author.send(author.request("/api/articles").header("Accept-Language", "fr")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("bonjour")));
        assertEquals(415, text.status());
        assertEquals("/problems/unsupported-media-type", text.json().get("type").asText());
        assertEquals("Type de média non pris en charge", text.json().get("title").asText());
    }

    @Test
    void aBodyOverTheLimitIsTitledInTheCallersLanguage() throws Exception {
        String body = Api.JSON.writeValueAsString(with(article(unique("huge-de")), "body", "x".repeat(1_100_000)));
        var huge = author.send(author.request("/api/articles").expectContinue(true).header("Accept-Language", "de")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(413, huge.status());
        assertEquals("/problems/body-too-large", huge.json().get("type").asText());
        assertEquals("Der Anfrageinhalt ist zu groß", huge.json().get("title").asText());
        assertEquals("de", huge.header("Content-Language").orElseThrow());
    }

    @Test
    void theContainersErrorPageIsTitledInTheCallersLanguage() {
        var anonymous = Api.anonymous().send(Api.anonymous().request("/api/articles").header("Accept-Language", "ar"));
        assertEquals(401, anonymous.status());
        assertEquals("/problems/unauthorized", anonymous.json().get("type").asText());
        assertEquals("سجّل الدخول أولًا", anonymous.json().get("title").asText());
        assertEquals("ar", anonymous.header("Content-Language").orElseThrow());
    }

    @Test
    void anUnknownApiAddressIsTitledInTheCallersLanguage() {
        var nowhere = author.send(author.request("/api/nowhere-" + unique("x")).header("Accept-Language", "fr-CA"));

        assertEquals(404, nowhere.status());
        assertEquals("/problems/not-found", nowhere.json().get("type").asText());
        assertEquals("Introuvable", nowhere.json().get("title").asText());
        assertEquals("fr", nowhere.header("Content-Language").orElseThrow());
    }
}
