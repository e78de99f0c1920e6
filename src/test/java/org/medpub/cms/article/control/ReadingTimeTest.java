package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReadingTimeTest {

    private final ReadingTime reading = new ReadingTime();

    {
        reading.wordsPerMinute = 200;
    }

    @Test
    void countsTheWordsReadersSeeNotTheMarkdown() {
        assertEquals(9, ReadingTime.countWords("## Dosing\n\n- **Take** one tablet\n- with [water](https://example.org).\n\nSee 2.5 mg.", "en"));
    }

    @Test
    void paragraphsDoNotRunTogether() {
        assertEquals(2, ReadingTime.countWords("first\n\nsecond", "en"));
    }

    @Test
    void minutesAreRoundedUp() {
        assertEquals(new ReadingTime.Length(0, 0), reading.of("", "en"));
        assertEquals(new ReadingTime.Length(1, 1), reading.of("word", "en"));
        assertEquals(new ReadingTime.Length(201, 2), reading.of("word ".repeat(201), "en"));
    }

    @Test
    void arabicWordsAreCounted() {
        assertEquals(3, ReadingTime.countWords("الصداع النصفي شائع", "ar"));
    }
}
