package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medpub.cms.platform.entity.Role;

/** Who may write what, as a table: role × action × locale → allowed. The articles are written in English. */
class EditorialPermissionsTest {

    private static final String SOURCE = "en";

    /** One member of the team per role, by the name the table uses; the translator translates into es and de. */
    private static final Map<String, Actor> TEAM = Map.of(
            "author", new Actor("alex", Set.of(Role.AUTHOR)),
            "translator", new Actor("teresa", Set.of(Role.TRANSLATOR), Set.of("es", "de")),
            "reviewer", new Actor("rana", Set.of(Role.MEDICAL_REVIEWER)),
            "editor", new Actor("eddie", Set.of(Role.EDITOR)),
            "admin", new Actor("ada", Set.of(Role.ADMIN)),
            "nobody", new Actor("nina", Set.of()));

    /** Each action as a question; the locale column is the locale written, or the reviewer assigned. */
    private static final Map<String, BiPredicate<Actor, String>> ACTIONS = Map.of(
            "create", (actor, locale) -> EditorialPermissions.mayCreateArticles(actor),
            "edit", (actor, locale) -> EditorialPermissions.mayEdit(actor, SOURCE, locale),
            "submit", EditorialPermissions::maySubmit,
            "assign", EditorialPermissions::mayAssign,
            "import-article", (actor, locale) -> EditorialPermissions.mayImportArticles(actor),
            "import-xliff", (actor, locale) -> EditorialPermissions.mayImportTranslations(actor)
                    && EditorialPermissions.mayEditTranslation(actor, locale));

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "author,     create,         en,    true",
            "translator, create,         en,    false",
            "reviewer,   create,         en,    false",
            "editor,     create,         en,    false",
            "admin,      create,         en,    true",
            "nobody,     create,         en,    false",

            "author,     edit,           en,    true",
            "author,     edit,           fr,    true",
            "translator, edit,           en,    false",
            "translator, edit,           es,    true",
            "translator, edit,           de,    true",
            "translator, edit,           fr,    false",
            "reviewer,   edit,           en,    false",
            "reviewer,   edit,           es,    false",
            "editor,     edit,           en,    false",
            "editor,     edit,           es,    false",
            "admin,      edit,           en,    true",
            "admin,      edit,           ar,    true",
            "nobody,     edit,           es,    false",

            "author,     submit,         en,    true",
            "author,     submit,         es,    true",
            "translator, submit,         es,    true",
            "translator, submit,         fr,    false",
            "translator, submit,         en,    false",
            "reviewer,   submit,         es,    false",
            "editor,     submit,         es,    false",
            "admin,      submit,         fr,    true",

            "editor,     assign,         rana,  true",
            "editor,     assign,         ,      true",
            "admin,      assign,         rana,  true",
            "reviewer,   assign,         rana,  true",
            "reviewer,   assign,         other, false",
            "reviewer,   assign,         ,      false",
            "author,     assign,         alex,  false",
            "translator, assign,         rana,  false",

            "author,     import-article, en,    true",
            "admin,      import-article, fr,    true",
            "translator, import-article, es,    false",
            "reviewer,   import-article, en,    false",
            "editor,     import-article, en,    false",

            "author,     import-xliff,   fr,    true",
            "admin,      import-xliff,   fr,    true",
            "translator, import-xliff,   es,    true",
            "translator, import-xliff,   fr,    false",
            "reviewer,   import-xliff,   es,    false",
            "editor,     import-xliff,   es,    false",
    })
    void table(String role, String action, String locale, boolean allowed) {
        assertEquals(allowed, ACTIONS.get(action).test(TEAM.get(role), locale));
    }

    @Test
    void aRefusedTranslatorIsToldWhichLocalesTheyTranslateInto() {
        var refused = assertThrows(BusinessException.Forbidden.class,
                () -> EditorialPermissions.requireEdit(TEAM.get("translator"), SOURCE, "fr"));
        assertEquals("You translate into de, es, not fr; an admin assigns the locales", refused.getMessage());
    }

    @Test
    void aRefusedRoleIsToldWhichRolesMay() {
        var refused = assertThrows(BusinessException.Forbidden.class,
                () -> EditorialPermissions.requireEdit(TEAM.get("reviewer"), SOURCE, "es"));
        assertTrue(refused.getMessage().startsWith("To edit a translation you need one of the roles "), refused.getMessage());
    }
}
