package org.medpub.cms.platform.control;

import static org.medpub.cms.platform.entity.Role.ADMIN;
import static org.medpub.cms.platform.entity.Role.AUTHOR;
import static org.medpub.cms.platform.entity.Role.EDITOR;
import static org.medpub.cms.platform.entity.Role.MEDICAL_REVIEWER;
import static org.medpub.cms.platform.entity.Role.TRANSLATOR;

import java.util.List;
import java.util.TreeSet;

/**
 * Who may write what. Authors and admins create articles, write the source text and every
 * translation; a translator writes, imports and submits translations only in the locales an
 * admin assigned to them. Editors assign a review to any medical reviewer; a medical reviewer
 * may only take one on themselves. The stores and the workflow enforce these rules; screens and
 * resources ask them only to decide what to show, or to refuse before reading a request's body.
 * Locales are canonical, as {@link EnabledLocales} gives them.
 */
public final class EditorialPermissions {

    private EditorialPermissions() {
    }

    public static boolean mayCreateArticles(Actor actor) {
        return actor.holdsAnyOf(AUTHOR, ADMIN);
    }

    public static boolean mayEditSource(Actor actor) {
        return actor.holdsAnyOf(AUTHOR, ADMIN);
    }

    public static boolean mayEditTranslation(Actor actor, String locale) {
        return actor.holdsAnyOf(AUTHOR, ADMIN) || (actor.holdsAnyOf(TRANSLATOR) && locale != null && actor.locales().contains(locale));
    }

    /** Whether the actor may save a revision in the locale of an article written in the source locale. */
    public static boolean mayEdit(Actor actor, String sourceLocale, String locale) {
        return sourceLocale.equals(locale) ? mayEditSource(actor) : mayEditTranslation(actor, locale);
    }

    /** Whether the actor may send the locale's draft to review: whoever may write it. */
    public static boolean maySubmit(Actor actor, String locale) {
        return mayEditTranslation(actor, locale);
    }

    /** Whether the actor may assign the review to the reviewer (null: take the assignment away). */
    public static boolean mayAssign(Actor actor, String reviewer) {
        return actor.holdsAnyOf(EDITOR, ADMIN)
                || (actor.holdsAnyOf(MEDICAL_REVIEWER) && actor.username().equals(reviewer));
    }

    public static boolean mayImportArticles(Actor actor) {
        return actor.holdsAnyOf(AUTHOR, ADMIN);
    }

    /** Whether the actor may import translations at all; into which locale is {@link #mayEditTranslation}. */
    public static boolean mayImportTranslations(Actor actor) {
        return actor.holdsAnyOf(TRANSLATOR, AUTHOR, ADMIN);
    }

    /** Whether the actor signs off a revision before readers see it, for a link that shows it as readers will. */
    public static boolean mayMakePreviewLinks(Actor actor) {
        return actor.holdsAnyOf(MEDICAL_REVIEWER, EDITOR, ADMIN);
    }

    /** Whether translations are the actor's work: a translator's, or an admin's who oversees them. */
    public static boolean translates(Actor actor) {
        return actor.holdsAnyOf(TRANSLATOR, ADMIN);
    }

    /**
     * The locales whose translations are the actor's work, in the order of the enabled ones: for
     * an admin every locale but the default (the first), for a translator theirs.
     */
    public static List<String> localesToTranslate(Actor actor, List<String> enabled) {
        if (actor.holdsAnyOf(ADMIN)) {
            return enabled.subList(1, enabled.size());
        }
        return actor.holdsAnyOf(TRANSLATOR) ? enabled.stream().filter(actor.locales()::contains).toList() : List.of();
    }

    /** Whether the actor adds images to the media library, new versions included, and removes them. */
    public static boolean mayManageMedia(Actor actor) {
        return actor.holdsAnyOf(AUTHOR, EDITOR, ADMIN);
    }

    /** Whether the actor writes an image's alt text, caption and credit in the locale: who manages media, or its translator. */
    public static boolean mayWriteMediaTexts(Actor actor, String locale) {
        return mayManageMedia(actor) || (actor.holdsAnyOf(TRANSLATOR) && locale != null && actor.locales().contains(locale));
    }

    public static void requireManageMedia(Actor actor) {
        require(mayManageMedia(actor), "manage the media library", AUTHOR, EDITOR, ADMIN);
    }

    public static void requireWriteMediaTexts(Actor actor, String locale) {
        require(mayManageMedia(actor) || actor.holdsAnyOf(TRANSLATOR), "write an image's texts", AUTHOR, EDITOR, ADMIN, TRANSLATOR);
        if (!mayWriteMediaTexts(actor, locale)) {
            throw notTheirLocale(actor, locale);
        }
    }

    /** Whether the actor names a topic in the locale: editors and admins in every locale, a translator in theirs. */
    public static boolean mayNameTopic(Actor actor, String locale) {
        return actor.holdsAnyOf(EDITOR, ADMIN) || (actor.holdsAnyOf(TRANSLATOR) && locale != null && actor.locales().contains(locale));
    }

    /** Adds a topic to the taxonomy: editors and admins. */
    public static void requireCreateTopics(Actor actor) {
        require(actor.holdsAnyOf(EDITOR, ADMIN), "add a topic", EDITOR, ADMIN);
    }

    public static void requireNameTopic(Actor actor, String locale) {
        require(mayNameTopic(actor, locale) || actor.holdsAnyOf(TRANSLATOR), "name a topic", EDITOR, ADMIN, TRANSLATOR);
        if (!mayNameTopic(actor, locale)) {
            throw notTheirLocale(actor, locale);
        }
    }

    /** Whether the actor edits the plain-language glossaries (every locale's): editors and admins. */
    public static boolean mayEditGlossary(Actor actor) {
        return actor.holdsAnyOf(EDITOR, ADMIN);
    }

    public static void requireEditGlossary(Actor actor) {
        require(mayEditGlossary(actor), "edit the plain-language glossary", EDITOR, ADMIN);
    }

    /** Whether the actor manages the team's accounts: creates them, sets roles, deactivates, sets one-time passwords. */
    public static boolean mayManageAccounts(Actor actor) {
        return actor.holdsAnyOf(ADMIN);
    }

    public static void requireManageAccounts(Actor actor) {
        require(mayManageAccounts(actor), "manage accounts", ADMIN);
    }

    /** Whether the actor sets this user's public profile: an admin, or the user themself. */
    public static boolean mayEditProfile(Actor actor, String username) {
        return actor.holdsAnyOf(ADMIN) || actor.username().equals(username);
    }

    public static void requireEditProfile(Actor actor, String username) {
        if (!mayEditProfile(actor, username)) {
            throw new BusinessException.Forbidden("Only an admin or the user themself sets a public profile");
        }
    }

    /** Sets a statement's contradicting phrases: the people who write, edit or review statements. */
    public static void requireEditContradictingPhrases(Actor actor) {
        require(actor.holdsAnyOf(AUTHOR, EDITOR, MEDICAL_REVIEWER, ADMIN), "set contradicting phrases", AUTHOR, EDITOR,
                MEDICAL_REVIEWER, ADMIN);
    }

    /** Reads the report of published pages with contradicting phrases: editors, medical reviewers, admins. */
    public static void requireReadContradictions(Actor actor) {
        require(mayReadContradictions(actor), "read the contradictions report", EDITOR, MEDICAL_REVIEWER, ADMIN);
    }

    public static boolean mayReadContradictions(Actor actor) {
        return actor.holdsAnyOf(EDITOR, MEDICAL_REVIEWER, ADMIN);
    }

    public static void requireCreateArticles(Actor actor) {
        require(mayCreateArticles(actor), "create articles", AUTHOR, ADMIN);
    }

    public static void requireEdit(Actor actor, String sourceLocale, String locale) {
        if (sourceLocale.equals(locale)) {
            require(mayEditSource(actor), "edit the source text", AUTHOR, ADMIN);
        } else {
            requireTranslator(actor, locale, "edit a translation");
        }
    }

    /** Refuses a translator who submits a locale they do not translate into; the workflow decides which roles submit. */
    public static void requireSubmit(Actor actor, String locale) {
        if (!maySubmit(actor, locale)) {
            throw notTheirLocale(actor, locale);
        }
    }

    public static void requireAssign(Actor actor, String reviewer) {
        if (!mayAssign(actor, reviewer)) {
            throw new BusinessException.Forbidden("Editors assign reviews; a medical reviewer may only take one on themselves");
        }
    }

    public static void requireMakePreviewLinks(Actor actor) {
        require(mayMakePreviewLinks(actor), "make a preview link", MEDICAL_REVIEWER, EDITOR, ADMIN);
    }

    public static void requireImportArticles(Actor actor) {
        require(mayImportArticles(actor), "import articles", AUTHOR, ADMIN);
    }

    /** A batch publishes without the workflow, on a reviewer's word: admins only. */
    public static void requireImportBatches(Actor actor) {
        require(actor.holdsAnyOf(ADMIN), "import a batch of articles", ADMIN);
    }

    /** The content archive holds every article, draft and account: admins only, both ways. */
    public static void requireContentArchives(Actor actor) {
        require(actor.holdsAnyOf(ADMIN), "export or import the content archive", ADMIN);
    }

    public static void requireImportTranslations(Actor actor) {
        require(mayImportTranslations(actor), "import translations", TRANSLATOR, AUTHOR, ADMIN);
    }

    private static void requireTranslator(Actor actor, String locale, String action) {
        require(actor.holdsAnyOf(TRANSLATOR, AUTHOR, ADMIN), action, TRANSLATOR, AUTHOR, ADMIN);
        if (!mayEditTranslation(actor, locale)) {
            throw notTheirLocale(actor, locale);
        }
    }

    private static BusinessException.Forbidden notTheirLocale(Actor actor, String locale) {
        var assigned = new TreeSet<>(actor.locales());
        return new BusinessException.Forbidden("You translate into " + (assigned.isEmpty() ? "no locale yet"
                : String.join(", ", assigned)) + ", not " + locale + "; an admin assigns the locales");
    }

    private static void require(boolean allowed, String action, String... roles) {
        if (!allowed) {
            throw new BusinessException.Forbidden("To " + action + " you need one of the roles " + String.join(", ", roles));
        }
    }
}
