package org.medpub.cms.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Articles the tests write, each with slugs of its own so that tests never collide. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> article(String slug) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("sourceLocale", "en");
        article.put("title", "Living with migraine");
        article.put("slug", slug);
        article.put("summary", "What a migraine is and how attacks can be made rarer.");
        article.put("body", "## What a migraine is\n\nA migraine is a moderate or severe headache felt as a throbbing pain"
                + " on one side of the head.\n\n- nausea\n- sensitivity to light");
        article.put("topics", List.of("migraine", "headache"));
        article.put("references", List.of(Map.of("text", "Example headache society. Migraine guideline, 2024.",
                "url", "https://example.org/migraine", "doi", "10.1000/migraine.2024", "pmid", "12345678")));
        return article;
    }

    public static Map<String, Object> edit(String slug, String body, String note) {
        Map<String, Object> edit = article(slug);
        edit.remove("sourceLocale");
        edit.put("body", body);
        edit.put("changeNote", note);
        edit.put("safetyRelevant", false);
        return edit;
    }

    public static Map<String, Object> with(Map<String, Object> fields, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(key, value);
        return copy;
    }
}
