package org.medpub.cms.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the editorial UI shows each field a refusal names, and what it calls it there. */
class FormFieldsTest {

    private final Words english = wordsIn(Locale.ENGLISH);

    @Test
    void aFieldOfTheEditorIsItsInputNamedByItsLabel() {
        var slug = FormFields.editor(List.of(), List.of()).place("slug", english);

        assertEquals(Optional.of(new FormFields.Place("editor:slug", "URL slug")), slug);
        assertEquals("Identificador en la URL (slug)",
                FormFields.editor(List.of(), List.of()).place("slug", wordsIn(Locale.forLanguageTag("es"))).orElseThrow().label());
    }

    @Test
    void aListItemIsTheFormRowItCameFrom() {
        // the user left row 1 empty: the second reference checked is the third row of the form
        var fields = FormFields.editor(List.of(0, 3), List.of(0, 2));

        assertEquals(new FormFields.Place("editor:references:2:url", "References 3, Web address (URL)"),
                fields.place("references[1].url", english).orElseThrow());
        assertEquals("editor:topics:3:name", fields.place("topics[1]", english).orElseThrow().clientId());
        assertEquals("editor:references:0:text", fields.place("references[0].doi", english).orElseThrow().clientId(),
                "the form has no DOI input: the row's citation stands for it");
    }

    @Test
    void aChecklistItemIsItsCheckboxNamedByItsLabel() {
        var fields = FormFields.workflow(List.of("sources-current", "risks-stated"));

        assertEquals(new FormFields.Place("workflow:checklist:1:confirmed", "Risks and side effects are stated"),
                fields.place("checklist.risks-stated", english).orElseThrow());
    }

    @Test
    void aFieldNoFormShowsHasNoPlace() {
        assertTrue(FormFields.editor(List.of(), List.of()).place("sourceRevision", english).isEmpty());
        assertTrue(FormFields.editor(List.of(), List.of()).place("topics[99999999999]", english).isEmpty());
    }

    @Test
    void refusalsAreListedInTheFormsOrder() {
        List<String> fields = List.of("changeNote", "body", "references[1].url", "slug", "references[0].text", "title");

        assertEquals(List.of("title", "slug", "body", "references[0].text", "references[1].url", "changeNote"),
                fields.stream().sorted(FormFields.AS_SHOWN).toList());
    }

    private static Words wordsIn(Locale locale) {
        Words words = new Words();
        words.language = new UiLanguage() {
            @Override
            public Locale getLocale() {
                return locale;
            }
        };
        return words;
    }
}
