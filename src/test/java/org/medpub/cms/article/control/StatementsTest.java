package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementsTest {

    @Test
    void aStatementIsEmbeddedByALineOfItsOwnAndEachSlugCountsOnce() {
        assertEquals(List.of("ketamine-dependence", "paracetamol-dose"), Statements.embeddedSlugs(
                "Intro.\n\n{{statement:ketamine-dependence}}\n  {{statement:paracetamol-dose}}  \n"
                        + "{{statement:ketamine-dependence}}\nSee {{statement:inline-not-counted}} here."));
        assertEquals(List.of(), Statements.embeddedSlugs(null));
        assertEquals(List.of(), Statements.embeddedSlugs("{{statement:Upper-Case}}"), "a slug is lower case");
    }

    @Test
    void sentencesFollowTheBlocksOfTheMarkdownAndTheLocalesRules() {
        assertEquals(List.of("Ketamine", "Some say it is not addictive.", "That is wrong.", "a list item",
                        "A quoted line runs on here."),
                Statements.sentences("## Ketamine\nSome say it is\nnot addictive. That is wrong.\n\n- a list item\n"
                        + "> A quoted line\n> runs on here.", "en"));
    }

    @Test
    void withoutTheLibraryAnEmbeddedStatementShowsNothingNeverItsMarker() {
        String html = new ArticleHtml().render("Intro.\n{{statement:ketamine-dependence}}\nMore.", "en");
        assertEquals("<p>Intro.</p>\n<p>More.</p>\n", html);
        assertFalse(new ArticleHtml().render("{{statement:ketamine-dependence}}").contains("reviewedstatement"));
    }
}
