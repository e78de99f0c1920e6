package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentImportTest {

    private final DocumentImport documentImport = new DocumentImport();

    private static String html(String markdown) {
        return HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));
    }

    @Nested
    class PlainText {

        @Test
        void readsTheShapeOfTextPastedFromAWebPage() {
            String text = """
                    Iron Deficiency Anaemia

                    Iron deficiency is the most common nutritional deficiency worldwide. It develops slowly, so many people don’t notice it at first.

                    What Causes Iron Deficiency?

                    The body loses iron faster than it takes it in, for one of several reasons, including:

                    Heavy menstrual periods
                    Blood loss  from\tthe gut
                    A diet low in iron-rich foods
                    Pregnancy and breastfeeding
                    Common Symptoms
                      • Tiredness and lack of energy
                      • Shortness of breath
                      • Pale skin
                    Treatment Options
                    Oral iron – Tablets taken once a day, usually for three months.
                    Intravenous iron – Given in hospital when tablets are not tolerated.
                    Dietary changes – More red meat, beans, lentils and dark green vegetables.
                    When to See a Doctor
                    See your GP if you feel “tired all the time”. A simple blood test confirms the diagnosis.
                    Do not start iron tablets without advice, because too much iron can be harmful.
                    """;

            ImportedDocument document = documentImport.fromPlainText(text);

            assertEquals("Iron Deficiency Anaemia", document.title());
            assertEquals("", document.summary(), "plain text marks no lead: the editor writes the summary");
            assertEquals("""
                    Iron deficiency is the most common nutritional deficiency worldwide. It develops slowly, so many people don’t notice it at first.

                    ## What Causes Iron Deficiency?

                    The body loses iron faster than it takes it in, for one of several reasons, including:

                    - Heavy menstrual periods
                    - Blood loss from the gut
                    - A diet low in iron-rich foods
                    - Pregnancy and breastfeeding

                    ## Common Symptoms

                    - Tiredness and lack of energy
                    - Shortness of breath
                    - Pale skin

                    ## Treatment Options

                    - Oral iron – Tablets taken once a day, usually for three months.
                    - Intravenous iron – Given in hospital when tablets are not tolerated.
                    - Dietary changes – More red meat, beans, lentils and dark green vegetables.

                    ## When to See a Doctor

                    See your GP if you feel “tired all the time”. A simple blood test confirms the diagnosis.

                    Do not start iron tablets without advice, because too much iron can be harmful.""",
                    document.body());
        }

        @Test
        void keepsTheLastPointOfAListThatRunsIntoAParagraph() {
            String text = """
                    Migraine Prevention
                    Preventive medicines can cause side effects, including:
                    Weight gain
                    Tingling in the hands and feet
                    Your neurologist will review the treatment after three months.
                    """;

            assertEquals("""
                    Preventive medicines can cause side effects, including:

                    - Weight gain
                    - Tingling in the hands and feet

                    Your neurologist will review the treatment after three months.""",
                    documentImport.fromPlainText(text).body());
        }

        @Test
        void readsNumberedAndDashedPoints() {
            String text = """
                    Taking Iron Tablets

                    How to take them
                    1. Take one tablet a day with water.
                    2) Take it an hour before a meal.
                    - Orange juice helps absorption
                    – Tea and coffee reduce it
                    """;

            assertEquals("""
                    ## How to take them

                    1. Take one tablet a day with water.
                    2. Take it an hour before a meal.

                    - Orange juice helps absorption
                    - Tea and coffee reduce it""",
                    documentImport.fromPlainText(text).body());
        }

        @Test
        void keepsShortLinesWithoutAParagraphAfterThemAsParagraphs() {
            String text = "Contact\n\nHeadache Clinic\nNorth Street 4\n\nSee you soon";

            assertEquals("Headache Clinic\n\nNorth Street 4\n\nSee you soon", documentImport.fromPlainText(text).body());
        }

        @Test
        void normalisesWhitespaceAndComposesAccents() {
            String text = "\uFEFFMe\u0301nie\u0300re\u2019s Disease\r\n\r\nVertigo\u00A0 lasts   20 minutes\u200B or longer.\r\n";

            ImportedDocument document = documentImport.fromPlainText(text);

            assertEquals("Ménière’s Disease", document.title());
            assertEquals("Vertigo lasts 20 minutes or longer.", document.body());
        }

        @Test
        void escapesMarkdownSyntaxSoThatTheTextShowsAsTyped() {
            String text = """
                    Escaping

                    Use `dose_max` <b>carefully</b> & R&amp;D \\ 100%.
                    # not a heading
                    *not emphasis* and [not a link]
                    """;

            ImportedDocument document = documentImport.fromPlainText(text);
            String rendered = html(document.body());

            assertEquals("""
                    Use \\`dose\\_max\\` \\<b>carefully\\</b> & R\\&amp;D \\\\ 100%.

                    \\# not a heading

                    \\*not emphasis\\* and \\[not a link\\]""", document.body());
            assertFalse(rendered.contains("<em>"), rendered);
            assertFalse(rendered.contains("<a "), rendered);
            assertFalse(rendered.contains("<h"), rendered);
            assertFalse(rendered.contains("<code>"), rendered);
            assertTrue(rendered.contains("<p>*not emphasis* and [not a link]</p>"), rendered);
            assertTrue(rendered.contains("&lt;b&gt;carefully&lt;/b&gt; &amp; R&amp;amp;D \\ 100%."), rendered);
        }

        @Test
        void neverMakesTheSummaryACutCopyOfTheFirstParagraph() {
            String sentence = "Iron deficiency in pregnancy raises the risk of premature birth and low birth weight. ";
            ImportedDocument document = documentImport.fromPlainText("Iron in Pregnancy\n\n" + sentence.repeat(5));

            assertEquals("", document.summary());
            assertEquals(sentence.repeat(5).strip(), document.body());
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", " \n\t\n\u00A0\u200B\n"})
        void refusesAnEmptyDocument(String text) {
            UnreadableDocumentException refusal = assertThrows(UnreadableDocumentException.class,
                    () -> documentImport.fromPlainText(text));
            assertTrue(refusal.getMessage().contains("empty"), refusal.getMessage());
        }

        @Test
        void refusesAFirstLineTooLongToBeATitle() {
            String text = "Migraine is a common neurological condition. ".repeat(6) + "\n\nMore text.";

            assertThrows(UnreadableDocumentException.class, () -> documentImport.fromPlainText(text));
        }
    }

    @Nested
    class Markdown {

        @Test
        void takesTheTitleFromALeadingHeadingAndKeepsTheRestAsWritten() {
            String body = """
                    Migraine is a *recurrent* headache   disorder.\\
                    It often runs in __families__.

                    Triggers
                    --------

                    *   Stress
                    *   Lack of sleep  \s

                    ```
                    keep    this
                    ```""";
            ImportedDocument document = documentImport.fromMarkdown("# Migraine\n\n" + body + "\n\n\n");

            assertEquals("Migraine", document.title());
            assertEquals(body, document.body());
            assertEquals("", document.summary(), "Markdown marks no lead: the editor writes the summary");
        }

        @Test
        void readsASetextTitle() {
            ImportedDocument document = documentImport.fromMarkdown("""
                    Migraine With Aura
                    ==================

                    About a third of people with migraine have an aura.
                    """);

            assertEquals("Migraine With Aura", document.title());
            assertEquals("About a third of people with migraine have an aura.", document.body());
        }

        @Test
        void prefersTheFirstLevelOneHeadingWhereverItIs() {
            ImportedDocument document = documentImport.fromMarkdown("""
                    Written by the editorial team.
                    # Medication-Overuse *Headache*
                    Taking painkillers too often can make headaches worse.
                    """);

            assertEquals("Medication-Overuse Headache", document.title());
            assertEquals("Written by the editorial team.\n\nTaking painkillers too often can make headaches worse.",
                    document.body());
        }

        @Test
        void takesAnOpeningHeadingOfAnotherLevelWithoutALevelOneHeading() {
            ImportedDocument document = documentImport.fromMarkdown("## Tension-Type `Headache`\n\n### Causes\n\nStress.");

            assertEquals("Tension-Type Headache", document.title());
            assertEquals("### Causes\n\nStress.", document.body());
        }

        @Test
        void takesAShortFirstLineWithoutAnyHeading() {
            ImportedDocument document = documentImport.fromMarkdown("""
                    Cluster headache
                    Severe pain around one eye.

                    Attacks come in clusters.""");

            assertEquals("Cluster headache", document.title());
            assertEquals("Severe pain around one eye.\n\nAttacks come in clusters.", document.body());
            assertEquals("", document.summary());
        }

        @Test
        void usesLineFeedsOnly() {
            ImportedDocument document = documentImport.fromMarkdown("# Iron\r\n\r\nFerritin is low.\r\nSo is haemoglobin.\r\n");

            assertEquals("Iron", document.title());
            assertEquals("Ferritin is low.\nSo is haemoglobin.", document.body());
        }

        @Test
        void refusesADocumentWithoutATitle() {
            String paragraph = "Iron deficiency is common in children, in pregnancy and in people who eat no meat, "
                    + "and it is easy to treat once it has been found with a blood test.";

            UnreadableDocumentException refusal = assertThrows(UnreadableDocumentException.class,
                    () -> documentImport.fromMarkdown(paragraph + "\n\nMore."));
            assertTrue(refusal.getMessage().startsWith("No title"), refusal.getMessage());
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "\n  \n\t"})
        void refusesAnEmptyDocument(String markdown) {
            assertThrows(UnreadableDocumentException.class, () -> documentImport.fromMarkdown(markdown));
        }
    }

    @Nested
    class Html {

        @Test
        void convertsAPageToMarkdown() {
            String page = """
                    <!DOCTYPE html>
                    <html><head><title>Clinic – Migraine</title>
                    <style>p { color: red; }</style><script>alert("x")</script></head>
                    <body>
                    <header><h1>The Headache Clinic</h1></header>
                    <nav><a href="/">Home</a> <a href="/contact">Contact</a></nav>
                    <article class="post">
                      <h1>Migraine &amp; Aura</h1>
                      <p>A migraine is a <strong>moderate to severe</strong> headache, often with <em>nausea</em>.&nbsp;It
                         affects 1&nbsp;in&nbsp;7 adults.</p>
                      <h2 id="symptoms">Symptoms</h2>
                      <ul>
                        <li>Throbbing pain
                          <ul><li>usually on <b>one</b> side</li></ul>
                        </li>
                        <li>Sensitivity to <i>light</i></li>
                      </ul>
                      <h3>Aura</h3>
                      <p>Read <a href="https://example.org/aura?x=1&amp;y=2">about aura</a>,
                         <a href="javascript:alert(1)">this</a> and <a href="mailto:help@example.org">write to us</a>.</p>
                      <ol><li>Rest in a dark room</li><li>Take a painkiller early</li></ol>
                      <blockquote><p>Keep a headache diary.</p></blockquote>
                      <table>
                        <thead><tr><th>Drug</th><th>Dose</th></tr></thead>
                        <tbody><tr><td>Ibuprofen</td><td>400 mg</td></tr></tbody>
                      </table>
                      <!-- editor's note -->
                      <form><input name="q"><button>Search</button></form>
                      <iframe src="https://example.org/video"></iframe>
                    </article>
                    <footer>© Headache Clinic</footer>
                    </body></html>
                    """;

            ImportedDocument document = documentImport.fromHtml(page);

            assertEquals("Migraine & Aura", document.title());
            assertEquals("", document.summary(), "a page without a marked lead has no summary");
            assertEquals("""
                    A migraine is a **moderate to severe** headache, often with *nausea*. It affects 1 in 7 adults.

                    ## Symptoms

                    - Throbbing pain
                      - usually on **one** side
                    - Sensitivity to *light*

                    ### Aura

                    Read [about aura](https://example.org/aura?x=1&y=2), this and [write to us](mailto:help@example.org).

                    1. Rest in a dark room
                    2. Take a painkiller early

                    > Keep a headache diary.

                    | Drug | Dose |
                    | --- | --- |
                    | Ibuprofen | 400 mg |""", document.body());
        }

        @Test
        void takesAMarkedLeadParagraphAsTheSummaryAndOutOfTheBody() {
            String page = "<html><body><article><h1>Hay fever</h1>"
                    + "<p class=\"intro lead\">Pollen makes   the eyes <a href=\"https://example.org\">itch</a> in spring.</p>"
                    + "<p>Antihistamines help most people.</p><h2>Treatment</h2><p>Tablets or sprays.</p></article></body></html>";

            ImportedDocument document = documentImport.fromHtml(page);

            assertEquals("Pollen makes the eyes itch in spring.", document.summary());
            assertEquals("Antihistamines help most people.\n\n## Treatment\n\nTablets or sprays.", document.body());
        }

        @Test
        void takesAStandfirstButNotALeadAfterAHeadingOrTooLongForASummary() {
            assertEquals("Short and clear.", documentImport.fromHtml(
                    "<h1>Iron</h1><p class=\"standfirst\">Short and clear.</p><p>Body.</p>").summary());

            ImportedDocument afterHeading = documentImport.fromHtml(
                    "<h1>Iron</h1><h2>Causes</h2><p class=\"lead\">Blood loss.</p>");
            assertEquals("", afterHeading.summary());
            assertEquals("## Causes\n\nBlood loss.", afterHeading.body());

            String longLead = "Iron deficiency is common. ".repeat(25).strip();
            ImportedDocument tooLong = documentImport.fromHtml("<h1>Iron</h1><p class=\"lead\">" + longLead + "</p>");
            assertEquals("", tooLong.summary(), "a lead too long for a summary is not cut");
            assertEquals(longLead, tooLong.body());
        }

        @Test
        void takesTheTitleElementAndShiftsHeadingsToStartAtLevelTwo() {
            String page = "<html><head><title> Iron   Deficiency </title></head><body>"
                    + "<h3>Symptoms</h3><p>Tiredness.</p><h4>In Children</h4><p>Poor appetite.</p></body></html>";

            ImportedDocument document = documentImport.fromHtml(page);

            assertEquals("Iron Deficiency", document.title());
            assertEquals("## Symptoms\n\nTiredness.\n\n### In Children\n\nPoor appetite.", document.body());
        }

        @Test
        void escapesTextThatLooksLikeMarkdown() {
            String page = "<h1>Dosage</h1><p>Take *two* tablets [max] &lt;b&gt; 5_000 `units`</p><p># 1. not a heading</p>";

            String body = documentImport.fromHtml(page).body();
            String rendered = html(body);

            assertEquals("Take \\*two\\* tablets \\[max\\] \\<b> 5\\_000 \\`units\\`\n\n\\# 1. not a heading", body);
            assertTrue(rendered.contains("<p>Take *two* tablets [max] &lt;b&gt; 5_000 `units`</p>"), rendered);
            assertFalse(rendered.contains("<h1>"), rendered);
        }

        @Test
        void pipesInTextDoNotMakeATable() {
            String page = "<h1>Doses</h1><p>Age | Dose<br>--- | ---</p>";

            String rendered = HtmlRenderer.builder().build().render(Parser.builder()
                    .extensions(List.of(TablesExtension.create())).build()
                    .parse(documentImport.fromHtml(page).body()));

            assertFalse(rendered.contains("<table>"), rendered);
            assertTrue(rendered.contains("Age | Dose<br />"), rendered);
        }

        @Test
        void turnsLineBreaksIntoHardBreaksAndDoubleBreaksIntoParagraphs() {
            String page = "<h1>Iron-Rich Foods</h1><div>Red meat<br>Lentils<br><br>Spinach <br/> </div>";

            assertEquals("Red meat\\\nLentils\n\nSpinach", documentImport.fromHtml(page).body());
        }

        @Test
        void keepsTheTextOfAComplexTableAsParagraphs() {
            String page = "<h1>Ferritin</h1><table><tr><th colspan=\"2\">Reference range</th></tr>"
                    + "<tr><td>Women</td><td>15–150 µg/L</td></tr></table>";

            assertEquals("Reference range\n\nWomen\n\n15–150 µg/L", documentImport.fromHtml(page).body());
        }

        @Test
        void refusesAPageWithoutATitle() {
            UnreadableDocumentException refusal = assertThrows(UnreadableDocumentException.class,
                    () -> documentImport.fromHtml("<p>Iron is found in red meat.</p>"));
            assertTrue(refusal.getMessage().startsWith("No title"), refusal.getMessage());
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "<html><body><script>var a = 1;</script> &nbsp; </body></html>"})
        void refusesAnEmptyPage(String page) {
            assertThrows(UnreadableDocumentException.class, () -> documentImport.fromHtml(page));
        }
    }
}
