package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Documents pasted from elsewhere become draft articles with their structure kept. */
abstract class ImportApiTests {

    final Api author = Api.as("author");

    static final String PASTED = """
            Understanding Iron Deficiency %s

            Iron deficiency is the most common nutritional shortage worldwide and often develops slowly over months.

            Common Signs
            People with low iron stores often notice the following:

            Tiredness that does not improve with rest
            Pale skin
            Shortness of breath on stairs
            When to See a Doctor
            See a doctor if tiredness lasts longer than a few weeks or if you notice blood in your stool.
            """;

    @Test
    void plainTextKeepsTitleHeadingsParagraphsAndLists() {
        String marker = Fixtures.unique("iron");
        var created = author.post("/api/import?locale=en", "text/plain; charset=UTF-8", PASTED.formatted(marker));

        assertEquals(201, created.status(), created::toString);
        String location = created.header("Location").orElseThrow();
        JsonNode revision = author.get(location.substring(location.indexOf("/api/")) + "/locales/en").json();
        assertEquals("Understanding Iron Deficiency " + marker, revision.get("title").asText());
        assertEquals("understanding-iron-deficiency-" + marker, revision.get("slug").asText());
        assertEquals("draft", revision.get("state").asText());
        String body = revision.get("body").asText();
        assertTrue(body.contains("## Common Signs"), body);
        assertTrue(body.contains("- Tiredness that does not improve with rest\n- Pale skin\n- Shortness of breath on stairs"), body);
        assertTrue(body.contains("## When to See a Doctor"), body);
        assertEquals("", revision.get("summary").asText(), "no cut copy of the first paragraph: the editor writes the summary");
    }

    @Test
    void htmlAndMarkdownImportToo() {
        var html = author.post("/api/import", "text/html",
                "<html><head><title>x</title><script>alert(1)</script></head><body><h1>Hay fever</h1>"
                        + "<p>Pollen makes <strong>eyes</strong> itch.</p><ul><li>sneezing</li><li>itchy eyes</li></ul></body></html>");
        assertEquals(201, html.status(), html::toString);
        JsonNode fromHtml = latest(html);
        assertEquals("Hay fever", fromHtml.get("title").asText());
        assertTrue(fromHtml.get("body").asText().contains("**eyes**"), fromHtml::toString);
        assertTrue(fromHtml.get("body").asText().contains("- sneezing"), fromHtml::toString);
        assertTrue(!fromHtml.get("body").asText().contains("alert"), fromHtml::toString);

        var markdown = author.post("/api/import?locale=es", "text/markdown", "# Alergia al polen\n\nEl polen irrita los *ojos*.\n");
        assertEquals(201, markdown.status(), markdown::toString);
        String location = markdown.header("Location").orElseThrow();
        JsonNode es = author.get(location.substring(location.indexOf("/api/")) + "/locales/es").json();
        assertEquals("Alergia al polen", es.get("title").asText());
        assertEquals("El polen irrita los *ojos*.", es.get("body").asText());
    }

    @Test
    void anEmptyDocumentOrUnknownLocaleIs400() {
        assertEquals(400, author.post("/api/import", "text/plain", "   \n  ").status());
        assertEquals(400, author.post("/api/import?locale=xx", "text/plain", "Title\n\nSome text here.").status());
        assertEquals(415, author.post("/api/import", "application/pdf", "%PDF").status());
    }

    private JsonNode latest(Api.Reply created) {
        String location = created.header("Location").orElseThrow();
        return author.get(location.substring(location.indexOf("/api/")) + "/locales/en").json();
    }
}
