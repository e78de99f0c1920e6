package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Twenty editors save over the same revision at once: one wins, nineteen are told, nothing is lost. */
abstract class ConcurrentEditTests {

    @Test
    void exactlyOneOfTwentySimultaneousSavesWins() throws Exception {
        Api author = Api.as("author");
        String slug = unique("race");
        var created = author.post("/api/articles", article(slug));
        String location = created.header("Location").orElseThrow();
        String path = location.substring(location.indexOf("/api/")) + "/locales/en";
        String etag = created.etag();

        int clients = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                String body = "Edit number " + i + ".";
                replies.add(pool.submit(() -> {
                    start.await();
                    return author.put(path, edit(slug, body, "edit " + body), etag);
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            String winner = null;
            for (Future<Api.Reply> reply : replies) {
                var answer = reply.get();
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() == 200) {
                    winner = answer.json().get("body").asText();
                }
            }

            assertEquals(Map.of(200, 1, 412, clients - 1), statuses);
            assertEquals(2, DatabaseRows.count("select count(*) from revision r join variant v on v.id = r.variant_id"
                    + " where v.slug = ?", slug));
            assertEquals(2, DatabaseRows.count("select count(distinct r.revision_no) from revision r"
                    + " join variant v on v.id = r.variant_id where v.slug = ?", slug));
            assertEquals(winner, author.get(path).json().get("body").asText());
        } finally {
            pool.shutdownNow();
        }
    }
}
