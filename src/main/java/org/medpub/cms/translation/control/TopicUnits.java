package org.medpub.cms.translation.control;

import java.util.Optional;

/**
 * The names of the article's topics as units of its XLIFF file: {@code topic-asthma} for the topic
 * with the key {@code asthma}, its name in the source language as source, after the notes to
 * readers. The export offers only topics that have a name in the source language and none yet in
 * the target language; the import gives such a topic the translated name, and a slug made from it,
 * in the target language. A topic named there in the meantime keeps its name: renaming is the
 * taxonomy's ({@code PUT /api/topics/{key}/locales/{locale}}). A unit left out or without a target
 * names nothing; an empty target is refused, like a name the taxonomy refuses.
 */
public final class TopicUnits {

    private static final String PREFIX = "topic-";

    private TopicUnits() {
    }

    /** The unit of a topic's name in the source language. */
    public static TranslationUnit unit(String key, String sourceName) {
        return new TranslationUnit(id(key), UnitKind.TOPIC_NAME, Segment.plain(sourceName));
    }

    public static String id(String key) {
        return PREFIX + key;
    }

    /** The key of the topic a unit id names, when it is the id of a topic's name. */
    public static Optional<String> key(String unitId) {
        return unitId != null && unitId.startsWith(PREFIX) && unitId.length() > PREFIX.length()
                ? Optional.of(unitId.substring(PREFIX.length())) : Optional.empty();
    }
}
