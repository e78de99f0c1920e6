package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.unique;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The admin's page of users over HTTP: admins only, create, change roles and locales, unlock. */
abstract class UserAdminTests {

    @Test
    void onlyAnAdminOpensTheUsers() {
        var author = new AdminSession();
        author.signIn("author", "demo");
        assertEquals(403, author.get("/admin/users.xhtml").statusCode());

        var admin = new AdminSession();
        admin.signIn("admin", "demo");
        var page = admin.get("/admin/users.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<td>translator</td>"), page.body());
        assertTrue(page.body().contains("Enabled languages") && page.body().contains("CMS_LOCALES"), page.body());
    }

    @Test
    void anAdminCreatesAUserChangesTheirLocalesAndUnlocksThem() {
        String name = unique("tr").replace("-", "");
        var admin = new AdminSession();
        admin.signIn("admin", "demo");
        admin.get("/admin/users.xhtml");
        admin.submit("account", Map.of("account:userName", name, "account:displayName", "Dana Translator",
                "account:email", name + "@example.org", "account:password", "a long initial password",
                "account:roles", "translator", "account:locales", "de"), "account:save");
        assertTrue(admin.last.body().contains("User " + name + " created."), admin.last.body());
        assertEquals(1, DatabaseRows.count("select count(*) from app_user u join app_user_locale l on l.user_id = u.id"
                + " where u.username = ? and l.locale = 'de'", name));

        admin.submit("users", Map.of(), button(admin.last.body(), name, "change"));
        admin.submit("account", Map.of("account:roles", "translator", "account:locales", "fr"), "account:save");
        assertTrue(admin.last.body().contains("User " + name + " changed."), admin.last.body());
        assertEquals("fr", DatabaseRows.text("select l.locale from app_user u join app_user_locale l on l.user_id = u.id"
                + " where u.username = ?", name));

        DatabaseRows.update("update app_user set failed_logins = 5, locked_until = ? where username = ?",
                Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS)), name);
        var page = admin.get("/admin/users.xhtml").body();
        assertTrue(page.contains("Locked until"), page);
        admin.submit("users", Map.of(), button(page, name, "unlock"));
        assertTrue(admin.last.body().contains("User " + name + " unlocked."), admin.last.body());
        assertEquals(0, DatabaseRows.count("select count(*) from app_user where username = ? and locked_until is not null",
                name));
    }

    /** The name of a row's button: the first one of that kind after the user's name. */
    private static String button(String page, String user, String kind) {
        Matcher button = Pattern.compile("name=\"(users:accounts:\\d+:" + kind + ")\"")
                .matcher(page.substring(page.indexOf("<td>" + user + "</td>")));
        assertTrue(button.find(), page);
        return button.group(1);
    }
}
