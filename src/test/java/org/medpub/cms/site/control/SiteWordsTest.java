package org.medpub.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SiteWordsTest {

    private final SiteWords words = new SiteWords();

    @Test
    void plainTextIsTheSameEveryTime() {
        assertEquals("References", words.text("en", "article.references"));
        assertEquals("Quellen", words.text("de", "article.references"));
        assertEquals(words.text("en", "article.references"), words.text("en", "article.references"));
    }

    /** Pages are rendered on many threads at once; an ICU MessageFormat used by two of them garbles dates. */
    @Test
    void datesFormattedOnManyThreadsAtOnceComeOutRight() throws Exception {
        List<Date> dates = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int day = 0; day < 40; day++) {
            Date date = new Date((20_000L + day * 37) * 86_400_000L);
            dates.add(date);
            expected.add(new SiteWords().format("en", "article.updated", Map.of("date", date)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                runs.add(pool.submit(() -> {
                    List<String> got = new ArrayList<>();
                    for (int round = 0; round < 200; round++) {
                        for (Date date : dates) {
                            got.add(words.format("en", "article.updated", Map.of("date", date)));
                        }
                    }
                    return got;
                }));
            }
            for (Future<List<String>> run : runs) {
                List<String> got = run.get();
                for (int i = 0; i < got.size(); i++) {
                    assertEquals(expected.get(i % dates.size()), got.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
