package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;
import static org.medpub.cms.it.WorkflowStoryTests.assertState;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, typed workflow: the actions became an enum and the rules carry named flags, and
 * nothing a caller sees changed. The API still takes the lower-case names only, and the page
 * cache still drops reader pages on the steps that change what readers see.
 */
abstract class TypedWorkflowTests {

    final Api author = Api.as("author");
    final Api editor = Api.as("editor");
    final Api reader = Api.anonymous();

    @Test
    void item11_typedWorkflow_anyActionButTheLowerCaseNamesIs400NamingAction() {
        String en = RevisionApiTests.path(author.post("/api/articles", article(unique("typed")))) + "/locales/en";

        // withdraw is the product's own step, schedule and save are only lines of the audit trail
        for (String action : List.of("fly", "withdraw", "schedule", "save", "SUBMIT", "Submit")) {
            var refused = take(author, en, step(action));
            assertEquals(400, refused.status(), refused::toString);
            assertTrue(refused.header("Content-Type").orElseThrow().startsWith("application/problem+json"),
                    refused::toString);
            assertTrue(refused.json().get("type").asText().endsWith("/invalid-input"), refused::toString);
            assertEquals(List.of("action"), ValidationTests.fields(refused.json()), refused::toString);
            assertEquals("'" + action + "' is not a workflow action", refused.json().get("detail").asText());
        }
        assertEquals("draft", author.get(en).json().get("state").asText());
        assertState(take(author, en, step(" submit ")), 200, "in_review");
    }

    @Test
    void item11_typedWorkflow_readersSeeAPublicationAndAnUnpublicationAtTheNextRequest() {
        String slug = unique("typed-cache");
        String en = RevisionApiTests.path(author.post("/api/articles", article(slug))) + "/locales/en";
        String page = "/en/articles/" + slug;
        assertEquals(404, reader.get(page).status());

        Workflow.publish(author, en);
        assertEquals(200, reader.get(page).status());

        assertState(take(editor, en, step("unpublish")), 200, "draft");
        assertEquals(404, reader.get(page).status());
    }
}
