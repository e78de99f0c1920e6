package org.medpub.cms.translation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.translation.control.XliffFixtures.exported;
import static org.medpub.cms.translation.control.XliffFixtures.imported;
import static org.medpub.cms.translation.control.XliffFixtures.lineOf;
import static org.medpub.cms.translation.control.XliffFixtures.source;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.platform.control.BusinessException.FieldError;

/** Each thing wrong with an imported file is refused with its line and a reason, all of them at once. */
class TranslationCheckTest {

    static final UnaryOperator<String> UPPER = words -> words.toUpperCase(Locale.ROOT);
    static final RevisionContent SOURCE = source(XliffFixtures.BODY);
    static final String FILE = exported(SOURCE, 1, "es", UPPER);
    static final String BOLD_TARGET = "<pc id=\"1\" type=\"fmt\" subType=\"xlf:b\" canCopy=\"no\" canDelete=\"no\""
            + " canOverlap=\"no\" dataRefStart=\"d1\" dataRefEnd=\"d2\">MODERATE OR SEVERE</pc>";

    XliffFixtures.Facts facts = new XliffFixtures.Facts(SOURCE);

    @Test
    void theFileAsExportedAndTranslatedPasses() {
        var translation = imported(FILE, facts);

        assertEquals("es", translation.locale());
        assertEquals(1, translation.sourceRevision());
        assertEquals("LIVING WITH MIGRAINE", translation.title());
        assertEquals(7, translation.units());
        assertTrue(translation.body().startsWith("## WHAT A MIGRAINE IS\n\nA MIGRAINE IS A **MODERATE OR SEVERE**"),
                translation.body());
    }

    @Test
    void xmlThatIsNotWellFormed() {
        String file = FILE.replaceFirst("</target>", "</targe>");

        assertProblem(rejected(file), lineOf(file, "</targe>"), "cannot be read as XML");
    }

    @Test
    void codesNestedTooDeep() {
        String file = FILE.replace("<target>LIVING WITH MIGRAINE</target>",
                "<target>" + "<pc id=\"1\">".repeat(500) + "X" + "</pc>".repeat(500) + "</target>");

        assertProblem(rejected(file), lineOf(file, "<pc id=\"1\"><pc"), "exceeds the limit");
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsRead() {
        String file = FILE.replace("?>\n<xliff", "?>\n<!DOCTYPE xliff [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<xliff")
                .replace("LIVING WITH MIGRAINE", "&secret;");

        XliffRejected refused = rejected(file);

        assertProblem(refused, 2, "DOCTYPE is not allowed");
        assertFalse(refused.errors().toString().contains("root:"), refused::getMessage);
    }

    @Test
    void aFileThatIsNotXliff2() {
        assertProblem(rejected("<?xml version=\"1.0\"?>\n<html><body/></html>"), 2, "not an XLIFF 2 file");
        assertProblem(rejected("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file/></xliff>"), 1,
                "This is XLIFF 1");
        assertProblem(rejected(FILE.replace("version=\"2.1\"", "version=\"3.0\"")), 2, "version is '3.0'");
        assertProblem(rejected(""), 1, "The body is empty");
    }

    @Test
    void anUnknownArticle() {
        assertProblem(rejected(FILE.replace("article-42", "article-99")), 3, "There is no article 99");
        assertProblem(rejected(FILE.replace("article-42", "chapter-1")), 3, "The <file> id is 'chapter-1'");
    }

    @Test
    void unknownAndMissingUnits() {
        String file = FILE.replace("<unit id=\"body-2\"", "<unit id=\"body-9\"");

        XliffRejected refused = rejected(file);

        assertProblem(refused, lineOf(file, "<unit id=\"body-9\""), "Unit body-9 is not in revision 1 of the article");
        assertProblem(refused, 3, "Unit body-2 (the paragraph \"A migraine is a moderate or severe headache, often with"
                + " nau…\") is missing");
    }

    @Test
    void anAlteredSource() {
        String file = FILE.replace("<source>A migraine is a ", "<source>A headache is a ");

        assertProblem(rejected(file), lineOf(file, "<source>A headache"),
                "unit body-2: the source is not what revision 1 says (\"A migraine is a moderate");
    }

    @Test
    void aTargetLanguageThatIsNotEnabledOrIsTheSource() {
        assertProblem(rejected(FILE.replace("trgLang=\"es\"", "trgLang=\"xx\"")), 2,
                "trgLang 'xx' is not a locale the CMS publishes in; enabled are en, es, de, fr, ar");
        assertProblem(rejected(FILE.replace("trgLang=\"es\"", "trgLang=\"en\"")), 2,
                "trgLang is en, the article's source language");
        assertProblem(rejected(FILE.replace("srcLang=\"en\"", "srcLang=\"de\"")), 2,
                "srcLang is 'de', but article 42 is written in en");
    }

    @Test
    void aTranslatorWithoutTheLocale() {
        assertProblem(rejected(FILE.replace("trgLang=\"es\"", "trgLang=\"fr\"")), 2, "You do not translate into fr");

        facts.translatorLocales = Set.of("de");
        assertProblem(rejected(FILE), 2, "You do not translate into es");
    }

    @Test
    void aStaleOrUnknownSourceRevision() {
        facts = new XliffFixtures.Facts(SOURCE, source(XliffFixtures.BODY + "\n\nA new paragraph."));

        assertProblem(rejected(FILE), lineOf(FILE, "type=\"sourceRevision\""),
                "The file translates revision 1 of the en text, but revision 2 is the current one now: export the file again");
        assertProblem(rejected(FILE.replace(">1</mda:meta>", ">5</mda:meta>")), lineOf(FILE, "type=\"sourceRevision\""),
                "has no revision 5");
        assertProblem(rejected(FILE.replace("<mda:meta type=\"sourceRevision\">1</mda:meta>", "")), 3,
                "The file names no source revision");
    }

    @Test
    void requiredUnitsWithoutTranslation() {
        String file = FILE.replace("<target>LIVING WITH MIGRAINE</target>", "")
                .replace("<target>WHAT A MIGRAINE IS</target>", "<target>  </target>")
                .replace("<target>WHAT A MIGRAINE IS AND HOW ATTACKS CAN BE MADE RARER.</target>", "<target/>");

        XliffRejected refused = rejected(file);

        assertProblem(refused, lineOf(file, "<unit id=\"title\""), "unit title: the title has no translation");
        assertProblem(refused, lineOf(file, "<target>  </target>"), "unit body-1: the heading has no translation");
        assertEquals(2, refused.errors().size(), "a summary may stay empty: " + refused.errors());
    }

    @Test
    void aSummaryOrCitationLeftEmpty() {
        String file = FILE.replace("<target>WHAT A MIGRAINE IS AND HOW ATTACKS CAN BE MADE RARER.</target>", "<target/>")
                .replace("<target>EXAMPLE HEADACHE SOCIETY. MIGRAINE GUIDELINE, 2024.</target>", "");

        var translation = imported(file, facts);

        assertEquals("", translation.summary());
        assertEquals(SOURCE.references().get(0).getText(), translation.references().get(0).getText(), "kept as cited");
        assertEquals("https://example.org/m", translation.references().get(0).getUrl());
    }

    @Test
    void inlineCodesThatDoNotMatchTheSource() {
        String paragraph = "<target>A MIGRAINE IS A ";
        int line = lineOf(FILE, paragraph);

        assertProblem(rejected(FILE.replace(BOLD_TARGET, "MODERATE OR SEVERE")), line,
                "unit body-2: the bold (code 1) is missing; keep every code of the source");
        assertProblem(rejected(FILE.replace(BOLD_TARGET, BOLD_TARGET + "<ph id=\"9\"/>")), line,
                "unit body-2: code 9 is not in the source");
        assertProblem(rejected(FILE.replace(BOLD_TARGET, BOLD_TARGET + BOLD_TARGET)), line,
                "unit body-2: the bold (code 1) appears twice");
        assertProblem(rejected(FILE.replace(BOLD_TARGET, "<ph id=\"1\"/>")), line,
                "unit body-2: the bold (code 1) must be a <pc> around words, as in the source");
        assertProblem(rejected(FILE.replace(BOLD_TARGET, BOLD_TARGET.replace(">MODERATE OR SEVERE<", "> <"))), line,
                "unit body-2: the bold (code 1) wraps no words");
        String italics = FILE.substring(FILE.indexOf("<pc id=\"2\"", FILE.indexOf(paragraph)));
        italics = italics.substring(0, italics.indexOf("</pc>") + 5);
        assertProblem(rejected(FILE.replace(BOLD_TARGET, BOLD_TARGET.replace("SEVERE<", "SEVERE" + italics + "<"))
                        .replace("WITH " + italics, "WITH ")), line,
                "unit body-2: the italics (code 2) must not be inside the bold (code 1), as in the source");
        assertProblem(rejected(FILE.replace("<target>LIVING WITH MIGRAINE</target>",
                "<target>LIVING <pc id=\"1\">WITH</pc> MIGRAINE</target>")), lineOf(FILE, "<target>LIVING"),
                "unit title: code 1 is not in the source");
    }

    @Test
    void startAndEndCodesAreRefused() {
        String file = FILE.replace(BOLD_TARGET, "<sc id=\"1\"/>MODERATE OR SEVERE<ec startRef=\"1\"/>");

        assertProblem(rejected(file), lineOf(file, "<sc id"), "<sc> codes are not read");
    }

    @Test
    void tooLongATitle() {
        String file = FILE.replace("<target>LIVING WITH MIGRAINE</target>", "<target>" + "A".repeat(201) + "</target>");

        assertProblem(rejected(file), lineOf(file, "AAAA"), "unit title: the title may have at most 200 characters");
    }

    @Test
    void everyProblemIsReportedAtOnceInTheOrderOfTheFile() {
        String file = FILE.replace("trgLang=\"es\"", "trgLang=\"fr\"")
                .replace("<target>WHAT A MIGRAINE IS</target>", "")
                .replace("<source>Take ", "<source>Swallow ");

        XliffRejected refused = rejected(file);

        assertEquals(List.of("line 2", "line " + lineOf(file, "<unit id=\"body-1\""), "line " + lineOf(file, "Swallow")),
                refused.errors().stream().map(e -> e.field().substring(0, e.field().indexOf(','))).toList(),
                refused.errors()::toString);
        assertTrue(refused.getMessage().startsWith("The file has 3 problems"), refused::getMessage);
        assertEquals(400, refused.status());
        assertEquals("invalid-xliff", refused.type());
    }

    @Test
    void aToolThatSplitsAUnitIntoSegmentsIsReadAsOne() {
        String file = FILE.replace("<segment>\n        <source>Living with migraine</source>\n        <target>LIVING WITH MIGRAINE</target>\n      </segment>",
                "<segment><source>Living with</source><target>LIVING WITH</target></segment>"
                        + "<ignorable><source> </source></ignorable>"
                        + "<segment><source>migraine</source><target><mrk id=\"m1\" type=\"term\">MIGRAINE</mrk></target></segment>");

        assertEquals("LIVING WITH MIGRAINE", imported(file, facts).title());
    }

    private XliffRejected rejected(String file) {
        return assertThrows(XliffRejected.class, () -> imported(file, facts));
    }

    private static void assertProblem(XliffRejected refused, int line, String message) {
        List<FieldError> errors = refused.errors();
        assertTrue(errors.stream().anyMatch(e -> e.field().startsWith("line " + line + ",") && e.message().contains(message)),
                () -> "no error on line " + line + " saying \"" + message + "\" in " + errors);
    }
}
