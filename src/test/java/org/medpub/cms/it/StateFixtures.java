package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Workflow.signOff;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Articles driven through the API into every workflow state. The shared ones are made once per
 * suite, on first need, and serve every test that only looks at them or is refused; a test that
 * changes an article asks for a fresh one.
 * <p>
 * Every unpublished text of a shared article carries {@link #MARKER} in its title, summary, body,
 * a topic and a reference; what a shared article publishes carries {@link #PUBLIC_TEXT} instead.
 * Fresh articles carry neither, so publishing one never puts the marker before readers.
 */
final class StateFixtures {

    /** The secret word of every unpublished revision of the shared articles. */
    static final String MARKER = unique("zqsecret");

    /** The word of every published revision of the shared articles: readers may see it. */
    static final String PUBLIC_TEXT = unique("zqpublic");

    /** Where an article's source locale (en) stands. */
    enum State {
        DRAFT, IN_REVIEW, APPROVED, PUBLISHED, ARCHIVED,
        /** Revision 1 is live, revision 2 is a newer draft. */
        PUBLISHED_WITH_DRAFT;

        String label() {
            return this == PUBLISHED_WITH_DRAFT ? "published+draft" : name().toLowerCase(Locale.ROOT);
        }

        boolean isPublished() {
            return this == PUBLISHED || this == PUBLISHED_WITH_DRAFT;
        }
    }

    /**
     * An article: English source in {@code state}, a Spanish draft translation by the translator
     * (who translates into es and de) and a French one by the author.
     *
     * @param current the number of the current English revision
     */
    record Fixture(State state, long id, Map<String, String> slugs, int current) {

        String path() {
            return "/api/articles/" + id;
        }

        String locale(String locale) {
            return path() + "/locales/" + locale;
        }

        String slug(String locale) {
            return slugs.get(locale);
        }
    }

    private static final Api AUTHOR = Api.as("author");
    private static final Api TRANSLATOR = Api.as("translator");
    private static final Api REVIEWER = Api.as("reviewer");
    private static final Api EDITOR = Api.as("editor");

    private static final Map<State, Fixture> SHARED = new EnumMap<>(State.class);

    private StateFixtures() {
    }

    static synchronized Fixture shared(State state) {
        return SHARED.computeIfAbsent(state, s -> make(s, true));
    }

    static Fixture fresh(State state) {
        return make(state, false);
    }

    /**
     * What the database holds of an article's workflow: per locale its state, current and live
     * revision and reviewer, and how many revisions, audit events, reviews and comments it has.
     */
    static String snapshot(long articleId) {
        return DatabaseRows.text("select (select string_agg(v.locale || ':' || v.state || ':' || v.current_revision_id"
                        + " || ':' || coalesce(v.live_revision_id, 0) || ':' || coalesce(v.assigned_reviewer, '-'), ','"
                        + " order by v.locale) from variant v where v.article_id = ?)"
                        + " || '|' || (select count(*) from revision r join variant v on v.id = r.variant_id where v.article_id = ?)"
                        + " || '|' || (select count(*) from audit_event a where a.article_id = ?)"
                        + " || '|' || (select count(*) from medical_review m join variant v on v.id = m.variant_id"
                        + " where v.article_id = ?)"
                        + " || '|' || (select count(*) from editorial_comment c join revision r on r.id = c.revision_id"
                        + " join variant v on v.id = r.variant_id where v.article_id = ?)",
                articleId, articleId, articleId, articleId, articleId);
    }

    /** The body of a save of the article in a locale, with the fixture's kind of text. */
    static Map<String, Object> edit(String slug, String words) {
        Map<String, Object> edit = text(slug, words);
        edit.remove("sourceLocale");
        edit.put("changeNote", "Edited " + words);
        return edit;
    }

    private static Fixture make(State state, boolean shared) {
        String kind = state.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String en = unique("states-" + kind);
        String es = unique("estados-" + kind);
        String fr = unique("etats-" + kind);
        String secret = shared ? MARKER : "unreviewed";
        String live = shared ? PUBLIC_TEXT : "reviewed";

        var created = AUTHOR.post("/api/articles", text(en, state.isPublished() ? live : secret));
        String path = RevisionApiTests.path(created);
        expect(201, TRANSLATOR.put(path + "/locales/es", edit(es, secret), null));
        expect(201, AUTHOR.put(path + "/locales/fr", edit(fr, secret), null));
        String source = path + "/locales/en";
        int current = 1;
        if (state != State.DRAFT) {
            expect(200, take(AUTHOR, source, step("submit")));
        }
        if (state != State.DRAFT && state != State.IN_REVIEW) {
            expect(200, take(REVIEWER, source, signOff("approve")));
        }
        if (state == State.PUBLISHED || state == State.ARCHIVED || state == State.PUBLISHED_WITH_DRAFT) {
            expect(200, take(EDITOR, source, step("publish")));
        }
        if (state == State.ARCHIVED) {
            expect(200, take(EDITOR, source, step("archive")));
        }
        if (state == State.PUBLISHED_WITH_DRAFT) {
            expect(200, AUTHOR.put(source, edit(en, secret), "\"r1\""));
            current = 2;
        }
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        return new Fixture(state, id, Map.of("en", en, "es", es, "fr", fr), current);
    }

    /** An article whose every field a reader could see carries the words. */
    private static Map<String, Object> text(String slug, String words) {
        Map<String, Object> text = Fixtures.article(slug);
        text.put("title", "Migraine " + words);
        text.put("summary", "What changed: " + words + ".");
        text.put("body", "## Treatment\n\nTake it with water (" + words + ").");
        text.put("topics", List.of("migraine", words));
        text.put("references", List.of(Map.of("text", "Guideline " + words + ", 2025.",
                "url", "https://example.org/" + words)));
        return text;
    }

    private static void expect(int status, Api.Reply reply) {
        assertEquals(status, reply.status(), () -> "setting up a fixture: " + reply);
    }
}
