package org.medpub.cms.translation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.translation.control.XliffFixtures.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.translation.control.Inline.Paired;
import org.medpub.cms.translation.control.Inline.Text;
import org.medpub.cms.translation.control.TranslatableText.AlignedUnit;

/** A translation is remembered unit by unit, against the source it was made from, to start new translations. */
class TranslationMemoryTest {

    @Test
    void identicalSourcesHaveOneKeyWhateverMarkdownWroteTheirEmphasis() {
        assertEquals(key("Take **one** tablet  daily."), key("Take __one__ tablet daily."));
        assertNotEquals(key("Take **one** tablet daily."), key("Take *one* tablet daily."));
        assertNotEquals(key("See [the guide](https://a.org)."), key("See [the guide](https://b.org)."));
        assertNotEquals(key("Take one tablet daily."), key("Take one tablet nightly."));
    }

    @Test
    void codesPairUpByKindInReadingOrderEvenWhenTheTranslationMovesThem() {
        RevisionContent english = source("Take **one** and *two*.");
        RevisionContent spanish = source("Tome *dos* y __una__.");

        List<AlignedUnit> aligned = TranslatableText.align(english, spanish);

        AlignedUnit body = aligned.stream().filter(a -> a.source().id().equals("body-1")).findFirst().orElseThrow();
        assertEquals(List.of(new Text("Tome "), new Paired("2", List.of(new Text("dos"))), new Text(" y "),
                new Paired("1", List.of(new Text("una"))), new Text(".")), body.target());
    }

    @Test
    void bodiesOfADifferentShapeDoNotPairUpButTheirTitlesDo() {
        RevisionContent english = source("## Heading\n\nA paragraph.");
        RevisionContent spanish = source("Un párrafo.\n\n## Encabezado");

        assertEquals(List.of("title", "summary", "reference-1"),
                TranslatableText.align(english, spanish).stream().map(a -> a.source().id()).toList());
    }

    @Test
    void aBlockWhoseTranslationLostACodeIsNotRemembered() {
        RevisionContent english = source("Read [the guide](https://a.org) now.\n\nSecond paragraph.");
        RevisionContent spanish = source("Lea la guía ahora.\n\nSegundo párrafo.");

        assertEquals(List.of("body-2"), TranslatableText.align(english, spanish).stream().map(a -> a.source().id())
                .filter(id -> id.startsWith("body")).toList());
    }

    @Test
    void theDemoArticlesTranslationsAreRememberedForTheirEnglishText() {
        Map<String, List<Inline>> memory = new HashMap<>();
        for (RevisionContent[] article : XliffFixtures.demoArticles()) {
            TranslationMemory.remember(article[0], article[1], memory);
        }
        RevisionContent headache = XliffFixtures.demoArticles().get(2)[0];

        TranslationUnit firstBlock = TranslatableText.units(headache).get(2);
        assertEquals(UnitKind.PARAGRAPH, firstBlock.kind());
        List<Inline> remembered = memory.get(firstBlock.source().key());
        assertTrue(Segment.words(remembered).startsWith("La cefalea tensional es el tipo de dolor de cabeza más frecuente"),
                () -> String.valueOf(remembered));
        assertEquals(List.of(new Text(XliffFixtures.demoArticles().get(2)[1].title())),
                memory.get(TranslatableText.units(headache).get(0).source().key()));
    }

    private static String key(String paragraph) {
        return MarkdownSegments.blocks(paragraph).get(0).unit().source().key();
    }
}
