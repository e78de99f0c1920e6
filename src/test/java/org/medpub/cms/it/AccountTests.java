package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.unique;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Accounts (issue 12): the user's own account page (name, credentials, e-mail, UI language, time
 * zone, password) and what admins do to any account (edit, deactivate and reactivate, one-time
 * password), over HTTP as a browser posts the forms, plus a short story in Chromium whose screens
 * are kept as {@code target/screenshots/admin-accounts-<nn>-<what>.png}.
 */
abstract class AccountTests {

    private static final String PASSWORD = "quiet harbour lantern";
    private static final String ONE_TIME = "violet anchor meadow";

    @Test
    void theOwnProfileIsSavedAndTheLanguageAppliesAtTheNextSignIn() {
        String name = newUser("author");
        var own = signedIn(name, PASSWORD);
        own.get("/admin/account.xhtml");
        assertEquals(200, own.last.statusCode());
        assertTrue(own.last.body().contains("Author"), "the role by its name: " + own.last.body());
        own.submit("profile", Map.of("profile:displayName", "Dr. Mira Okafor", "profile:credentials", "MD, neurology",
                "profile:email", name + "@clinic.example", "profile:uiLanguage", "de", "profile:timeZone", "Europe/Berlin"),
                "profile:save");
        var row = DatabaseRows.row("select display_name, credentials, email, ui_language, time_zone from app_user"
                + " where username = ?", name);
        assertEquals("Dr. Mira Okafor", row.get("display_name"));
        assertEquals("MD, neurology", row.get("credentials"));
        assertEquals(name + "@clinic.example", row.get("email"));
        assertEquals("de", row.get("ui_language"));
        assertEquals("Europe/Berlin", row.get("time_zone"));

        // a new browser without the language cookie: the stored language applies at sign-in
        var next = signedIn(name, PASSWORD);
        assertTrue(next.lastRedirect.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("cms-language=de;")),
                next.lastRedirect.headers().toString());
    }

    @Test
    void aFieldAtFaultIsNamedAndNothingIsSaved() {
        String name = newUser("author");
        var own = signedIn(name, PASSWORD);
        own.get("/admin/account.xhtml");
        own.submit("profile", Map.of("profile:displayName", "Someone Else", "profile:email", "not an address"),
                "profile:save");
        String page = own.last.body();
        assertTrue(page.contains("Enter an e-mail address such as name@example.org."), page);
        assertEquals(1, DatabaseRows.count("select count(*) from app_user where username = ? and display_name = 'Test person'",
                name));
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        String name = newUser("author");
        String hash = hash(name);
        var own = signedIn(name, PASSWORD);
        own.get("/admin/account.xhtml");
        changePassword(own, "not my password at all", "copper kettle whistle");
        assertTrue(own.last.body().contains("The current password is not correct."), own.last.body());
        assertEquals(hash, hash(name));
        own.submit("passwordChange", Map.of("passwordChange:currentPassword", PASSWORD,
                "passwordChange:password", "copper kettle whistle", "passwordChange:passwordAgain", "copper kettle whistles"),
                "passwordChange:change");
        assertTrue(own.last.body().contains("The two new passwords are not the same."), own.last.body());
        assertEquals(hash, hash(name));
        assertEquals(200, Api.as(name, PASSWORD).get("/api/workflow/checklist").status());
        assertEquals(401, Api.as(name, "copper kettle whistle").get("/api/workflow/checklist").status());
    }

    @Test
    void aWeakPasswordIsRefusedWithTheReasonInTheUiLanguage() {
        String name = newUser("author");
        String hash = hash(name);
        var own = signedIn(name, PASSWORD);
        own.get("/admin/account.xhtml");
        changePassword(own, PASSWORD, "Password2024!");
        assertTrue(own.last.body().contains("This password is one that many people use."), own.last.body());
        assertEquals(hash, hash(name));

        own.with("Accept-Language", "fr");
        own.get("/admin/account.xhtml");
        changePassword(own, PASSWORD, "short");
        assertTrue(own.last.body().contains("Le mot de passe doit comporter au moins 12 caractères."), own.last.body());
        assertEquals(hash, hash(name));

        changePassword(own, PASSWORD, "copper kettle whistle");
        assertFalse(hash.equals(hash(name)), "the password was changed");
        assertEquals(401, Api.as(name, PASSWORD).get("/api/workflow/checklist").status());
        assertEquals(200, Api.as(name, "copper kettle whistle").get("/api/workflow/checklist").status());
    }

    @Test
    void aDeactivatedUserCannotSignInUntilReactivatedAndTheirHistoryStays() {
        String name = newUser("author");
        var author = Api.as(name, PASSWORD);
        assertEquals(201, author.post("/api/articles", Fixtures.article(unique("deactivated-author"))).status());
        long audit = DatabaseRows.count("select count(*) from audit_event where actor = ?", name);
        assertTrue(audit > 0, "the author's article is in the audit trail");
        var session = signedIn(name, PASSWORD);

        var admin = signedIn("admin", "demo");
        admin.get("/admin/users.xhtml");
        admin.submit("users", Map.of(), button(admin.last.body(), name, "deactivate"));
        assertTrue(admin.last.body().contains("User " + name + " deactivated"), admin.last.body());

        session.get("/admin/index.xhtml");
        assertTrue(session.last.body().contains("id=\"login\""), "the open session ended: " + session.last.body());
        var again = new AdminSession();
        again.signIn(name, PASSWORD);
        assertTrue(again.last.body().contains("The user name or password is not correct."), again.last.body());
        assertEquals(401, Api.as(name, PASSWORD).get("/api/workflow/checklist").status());
        assertEquals(audit, DatabaseRows.count("select count(*) from audit_event where actor = ?", name));
        assertEquals(1, DatabaseRows.count("select count(*) from app_user where username = ?", name));

        admin.get("/admin/users.xhtml");
        admin.submit("users", Map.of(), button(admin.last.body(), name, "reactivate"));
        assertTrue(admin.last.body().contains("User " + name + " reactivated."), admin.last.body());
        var back = signedIn(name, PASSWORD);
        assertTrue(back.last.body().contains("Signed in as " + name), back.last.body());
        assertEquals(200, Api.as(name, PASSWORD).get("/api/workflow/checklist").status());
    }

    @Test
    void aDeactivatedReviewerCannotBeAssigned() {
        String name = newUser("medical-reviewer");
        String en = RevisionApiTests.path(Api.as("author").post("/api/articles", Fixtures.article(unique("no-reviewer"))))
                + "/locales/en";
        var admin = signedIn("admin", "demo");
        admin.get("/admin/users.xhtml");
        admin.submit("users", Map.of(), button(admin.last.body(), name, "deactivate"));
        var refused = Api.as("editor").put(en + "/assignment", Map.of("reviewer", name), null);
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.body().contains("\"reviewer\""), refused.body());

        admin.get("/admin/users.xhtml");
        admin.submit("users", Map.of(), button(admin.last.body(), name, "reactivate"));
        assertEquals(200, Api.as("editor").put(en + "/assignment", Map.of("reviewer", name), null).status());
    }

    @Test
    void anAdminCannotDeactivateThemselves() {
        var admin = signedIn("admin", "demo");
        admin.get("/admin/users.xhtml");
        admin.submit("users", Map.of(), button(admin.last.body(), "admin", "deactivate"));
        assertTrue(admin.last.body().contains("Not possible for your own account"), admin.last.body());
        assertEquals(1, DatabaseRows.count("select count(*) from app_user where username = 'admin' and deactivated_at is null"));
    }

    @Test
    void aOneTimePasswordMustBeChangedAtTheNextSignIn() throws Exception {
        String name = newUser("editor");
        var admin = signedIn("admin", "demo");
        admin.get("/admin/users.xhtml");
        admin.submit("users", Map.of(), button(admin.last.body(), name, "change"));
        admin.submit("oneTime", Map.of("oneTime:password", "Password2024!"), "oneTime:set");
        assertTrue(admin.last.body().contains("This password is one that many people use."), admin.last.body());
        admin.submit("oneTime", Map.of("oneTime:password", ONE_TIME), "oneTime:set");
        assertTrue(admin.last.body().contains("A one-time password was set for " + name), admin.last.body());
        assertEquals(1, DatabaseRows.count("select count(*) from app_user where username = ? and password_change_required",
                name));

        var own = signedIn(name, ONE_TIME);
        assertTrue(own.last.uri().getPath().endsWith("/admin/account.xhtml"), own.last.uri().toString());
        assertTrue(own.last.body().contains("An administrator set your password for one sign-in only."), own.last.body());
        own.get("/admin/users.xhtml");
        assertTrue(own.last.uri().getPath().endsWith("/admin/account.xhtml"), own.last.uri().toString());
        own.get("/admin/edit.xhtml");
        assertTrue(own.last.uri().getPath().endsWith("/admin/account.xhtml"), own.last.uri().toString());

        var basic = Api.as(name, ONE_TIME).get("/api/workflow/checklist");
        assertEquals(403, basic.status(), basic.body());
        assertTrue(basic.json().get("type").asText().endsWith("password-change-required"), basic.body());
        assertTrue(basic.json().get("detail").asText().contains("/admin/login.xhtml"), basic.body());

        changePassword(own, ONE_TIME, ONE_TIME);
        assertTrue(own.last.body().contains("The new password must differ from the current one."), own.last.body());
        changePassword(own, ONE_TIME, PASSWORD);
        assertTrue(own.last.body().contains("Your password was changed."), own.last.body());
        assertEquals(0, DatabaseRows.count("select count(*) from app_user where username = ? and password_change_required",
                name));
        own.get("/admin/index.xhtml");
        assertTrue(own.last.uri().getPath().endsWith("/admin/index.xhtml"), own.last.uri().toString());
        assertEquals(200, Api.as(name, PASSWORD).get("/api/workflow/checklist").status());
        assertEquals(401, Api.as(name, ONE_TIME).get("/api/workflow/checklist").status());
    }

    @Test
    void anAdminEditsAnyAccountAndRolesAreNamed() {
        String name = newUser("medical-reviewer");
        var admin = signedIn("admin", "demo");
        admin.get("/admin/users.xhtml");
        String page = admin.last.body();
        assertFalse(page.contains("[medical-reviewer]"), page);
        assertTrue(page.contains("<td>Medical reviewer</td>"), page);
        admin.submit("users", Map.of(), button(page, name, "change"));
        admin.submit("account", Map.of("account:displayName", "Prof. Lena Brandt", "account:credentials", "MD, PhD, cardiology",
                "account:email", name + "@hospital.example", "account:roles", "medical-reviewer"), "account:save");
        assertTrue(admin.last.body().contains("User " + name + " changed."), admin.last.body());
        var row = DatabaseRows.row("select display_name, credentials, email from app_user where username = ?", name);
        assertEquals("Prof. Lena Brandt", row.get("display_name"));
        assertEquals("MD, PhD, cardiology", row.get("credentials"));
        assertEquals(name + "@hospital.example", row.get("email"));
    }

    @Test
    void aForgedPostCannotChangeAnotherAccount() {
        String victim = newUser("editor");
        String attacker = newUser("author");
        var forger = signedIn(attacker, PASSWORD);
        forger.get("/admin/account.xhtml");
        Map<String, String> fields = forger.fields("profile");
        fields.putAll(Map.of("account:displayName", "Hijacked", "account:roles", "admin", "profile:displayName", "Hijacked",
                "users:accounts:0:deactivate", "pressed"));
        assertEquals(403, forger.post("/admin/users.xhtml", fields).statusCode());
        // the own account page has no field naming an account: a name sent along changes nobody else
        fields.put("profile:save", "pressed");
        fields.put("username", victim);
        forger.post("/admin/account.xhtml", fields);
        var row = DatabaseRows.row("select display_name, deactivated_at from app_user where username = ?", victim);
        assertEquals("Test person", row.get("display_name"));
        assertEquals(null, row.get("deactivated_at"));
        assertEquals(0, DatabaseRows.count("select count(*) from app_user u join app_user_role r on r.user_id = u.id"
                + " where u.username = ? and r.role = 'admin'", attacker));
    }

    @Test
    void theAccountStoryInTheBrowser() throws Exception {
        Browser.assumeEnabled();
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        String name = newUser("translator");
        int[] shot = {0};
        try (Browser admin = Browser.start()) {
            signInWithForm(admin, "admin", "demo");
            admin.open("/admin/users.xhtml");
            assertFalse(text(admin, "header").contains("DashboardUsers"), text(admin, "header"));
            keep(admin, screenshots, ++shot[0], "users");
            click(admin, button(admin, name, "change"));
            type(admin, "account:credentials", "Certified medical translator");
            keep(admin, screenshots, ++shot[0], "change-user");
            click(admin, "account:save");
            click(admin, button(admin, name, "change"));
            type(admin, "oneTime:password", ONE_TIME);
            keep(admin, screenshots, ++shot[0], "one-time-password");
            click(admin, "oneTime:set");
            assertTrue(text(admin, "#messages").contains("A one-time password was set for " + name), text(admin, "#messages"));
            keep(admin, screenshots, ++shot[0], "one-time-password-set");
        }
        try (Browser own = Browser.start()) {
            signInWithForm(own, name, ONE_TIME);
            assertTrue(own.driver().getCurrentUrl().contains("/admin/account.xhtml"), own.driver().getCurrentUrl());
            assertTrue(text(own, "#changeRequired").contains("one sign-in only"), text(own, "#changeRequired"));
            keep(own, screenshots, ++shot[0], "must-change-password");
            type(own, "passwordChange:currentPassword", ONE_TIME);
            type(own, "passwordChange:password", "Password2024!");
            type(own, "passwordChange:passwordAgain", "Password2024!");
            click(own, "passwordChange:change");
            assertTrue(text(own, "#passwordChange").contains("This password is one that many people use."), text(own, "#passwordChange"));
            keep(own, screenshots, ++shot[0], "weak-password-refused");
            type(own, "passwordChange:currentPassword", ONE_TIME);
            type(own, "passwordChange:password", PASSWORD);
            type(own, "passwordChange:passwordAgain", PASSWORD);
            click(own, "passwordChange:change");
            assertTrue(text(own, "#messages").contains("Your password was changed."), text(own, "#messages"));
            keep(own, screenshots, ++shot[0], "password-changed");
            new Select(own.driver().findElement(By.id("profile:timeZone"))).selectByValue("America/Sao_Paulo");
            new Select(own.driver().findElement(By.id("profile:uiLanguage"))).selectByValue("es");
            click(own, "profile:save");
            assertEquals("es", own.driver().findElement(By.tagName("html")).getAttribute("lang"));
            keep(own, screenshots, ++shot[0], "profile-saved-in-spanish");
        }
        assertEquals("America/Sao_Paulo", DatabaseRows.text("select time_zone from app_user where username = ?", name));
        assertEquals("Certified medical translator", DatabaseRows.text("select credentials from app_user where username = ?", name));
    }

    /** A new account with the given role, made by the admin on the users page; its password is {@link #PASSWORD}. */
    private static String newUser(String role) {
        String name = unique("acct").replace("-", "");
        var admin = signedIn("admin", "demo");
        admin.get("/admin/users.xhtml");
        admin.submit("account", Map.of("account:userName", name, "account:displayName", "Test person",
                "account:email", name + "@example.org", "account:password", PASSWORD, "account:roles", role), "account:save");
        assertTrue(admin.last.body().contains("User " + name + " created."), admin.last.body());
        return name;
    }

    /** Posts the password form of the account page shown last, the new password typed twice alike. */
    private static void changePassword(AdminSession own, String current, String replacement) {
        own.submit("passwordChange", Map.of("passwordChange:currentPassword", current, "passwordChange:password", replacement,
                "passwordChange:passwordAgain", replacement), "passwordChange:change");
    }

    private static AdminSession signedIn(String user, String password) {
        var session = new AdminSession();
        session.signIn(user, password);
        return session;
    }

    private static String hash(String user) {
        return DatabaseRows.text("select password_hash from app_user where username = ?", user);
    }

    /** The name of a row's button: the first one of that kind after the user's name. */
    private static String button(String page, String user, String kind) {
        Matcher button = Pattern.compile("name=\"(users:accounts:\\d+:" + kind + ")\"")
                .matcher(page.substring(page.indexOf("<td>" + user + "</td>")));
        assertTrue(button.find(), page);
        return button.group(1);
    }

    private static String button(Browser browser, String user, String kind) {
        return button(browser.driver().getPageSource(), user, kind);
    }

    private static void signInWithForm(Browser browser, String user, String password) {
        browser.open("/admin/login.xhtml");
        type(browser, "login:userName", user);
        type(browser, "login:password", password);
        click(browser, "login:signIn");
    }

    private static void type(Browser browser, String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static String text(Browser browser, String css) {
        List<WebElement> found = browser.driver().findElements(By.cssSelector(css));
        return found.isEmpty() ? "(nothing at " + css + ")" : found.get(0).getText();
    }

    private static void click(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.cmsOldPage = true");
        browser.driver().findElement(By.name(id)).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return window.cmsOldPage !== true && document.readyState === 'complete'")));
    }

    private static void keep(Browser browser, Path folder, int number, String what) {
        browser.screenshot(folder.resolve(String.format("admin-accounts-%02d-%s.png", number, what)));
    }
}
