package org.medpub.cms.translation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.translation.control.XliffFixtures.ARTICLE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.entity.ArticleFields;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.translation.control.XliffWriter.ExportedUnit;
import org.medpub.cms.translation.control.XliffWriter.Suggestion;

/** The names of the article's topics as units of its XLIFF file, out and back in. */
class TopicUnitsTest {

    static final RevisionContent SOURCE = XliffFixtures.source(XliffFixtures.BODY);
    static final List<TranslationUnit> TOPICS = List.of(TopicUnits.unit("migraine", "Migraine"),
            TopicUnits.unit("headache-disorders", "Headache disorders"));

    /** The CMS of the other tests, whose source names two topics; the taxonomy refuses the name "TAKEN". */
    final XliffFixtures.Facts facts = new XliffFixtures.Facts(SOURCE) {
        @Override
        public List<TranslationUnit> topicUnits(RevisionContent source) {
            return TOPICS;
        }

        @Override
        public Optional<String> topicNameRefused(String key, String locale, String name) {
            return name.equals("TAKEN") ? Optional.of("'TAKEN' already names another topic") : Optional.empty();
        }
    };

    @Test
    void aTopicsNameIsAUnitNamedAfterItsKey() {
        assertEquals("topic-headache-disorders", TOPICS.get(1).id());
        assertEquals("cms:topic-name", TOPICS.get(0).kind().type());
        assertEquals(Optional.of("headache-disorders"), TopicUnits.key("topic-headache-disorders"));
        assertEquals(Optional.empty(), TopicUnits.key("topic-"));
        assertEquals(Optional.empty(), TopicUnits.key("change-2"));
    }

    @Test
    void translatedNamesComeBackByTopicKeyAndALeftOutOneNamesNothing() {
        assertEquals(Map.of("migraine", "MIGRAINE", "headache-disorders", "HEADACHE DISORDERS"),
                imported(file(words -> words.toUpperCase(Locale.ROOT), TOPICS)).topicNames());
        assertEquals(Map.of("headache-disorders", "HEADACHE DISORDERS"),
                imported(file(words -> words.toUpperCase(Locale.ROOT), TOPICS.subList(1, 2))).topicNames());
        String untranslated = file(words -> words.toUpperCase(Locale.ROOT), TOPICS)
                .replaceAll("<target>MIGRAINE</target>", "");
        assertEquals(Map.of("headache-disorders", "HEADACHE DISORDERS"), imported(untranslated).topicNames());
    }

    @Test
    void anEmptyNameOneTooLongOrOneTheTaxonomyRefusesIsAProblemAndNothingIsImported() {
        String file = file(words -> switch (words) {
            case "Migraine" -> " ";
            case "Headache disorders" -> "x".repeat(ArticleFields.TOPIC_MAX + 1);
            default -> words.toUpperCase(Locale.ROOT);
        }, TOPICS);

        String problems = assertThrows(XliffRejected.class, () -> imported(file)).errors().toString();

        assertTrue(problems.contains("unit topic-migraine: the topic's name is empty"), problems);
        assertTrue(problems.contains("unit topic-headache-disorders: the topic name may have at most 60 characters"),
                problems);
        String taken = file(words -> words.equals("Migraine") ? "TAKEN" : words.toUpperCase(Locale.ROOT), TOPICS);
        String refused = assertThrows(XliffRejected.class, () -> imported(taken)).errors().toString();
        assertTrue(refused.contains("unit topic-migraine: 'TAKEN' already names another topic"), refused);
    }

    @Test
    void aSourceThatIsNotTheTopicsNameNowIsRefused() {
        String file = file(words -> words.toUpperCase(Locale.ROOT), TOPICS)
                .replace("<source>Migraine</source>", "<source>Migraines</source>");

        String problems = assertThrows(XliffRejected.class, () -> imported(file)).errors().toString();

        assertTrue(problems.contains("unit topic-migraine: the source is not the topic's name"), problems);
    }

    private TranslationCheck.CheckedTranslation imported(String file) {
        return TranslationCheck.check(XliffReader.read(file.getBytes(StandardCharsets.UTF_8)), facts);
    }

    /** The exported file with the topics last, every target its source with the words changed. */
    private static String file(UnaryOperator<String> words, List<TranslationUnit> topics) {
        List<TranslationUnit> all = new ArrayList<>(TranslatableText.units(SOURCE));
        all.addAll(topics);
        List<ExportedUnit> units = new ArrayList<>();
        for (TranslationUnit unit : all) {
            units.add(new ExportedUnit(unit, XliffFixtures.translated(unit.source().content(), words), Suggestion.NONE));
        }
        return new String(XliffWriter.write(new XliffWriter.Header(ARTICLE, "en", "es", 1), units), StandardCharsets.UTF_8);
    }
}
