package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.unique;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole editorial story through the editorial UI alone, in headless Chromium, each person in a
 * browser of their own: the author writes and submits, the reviewer rejects with a comment, the
 * author fixes and resubmits, the reviewer approves with the checklist, the editor publishes; the
 * translator translates into Spanish beside the source and downloads its XLIFF from the editor, the
 * reviewer approves and the editor publishes it; a reader sees both. Then two browsers edit one
 * draft at once, and the second sees
 * the conflict screen without losing its text. Every screen is kept as
 * {@code target/screenshots/admin-<nn>-<what>.png}. No API call takes part in the story; the
 * database and the reader site only check its results.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AdminStoryTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern ARTICLE_ID = Pattern.compile("[?&]article=(\\d+)");

    /** Numbers the screenshots across both tests, in the order the screens were seen. */
    private static int shot;

    /** The browsers alive now, quit after each test (never more than three at once). */
    private final List<Browser> open = new java.util.ArrayList<>();

    @BeforeEach
    void needsTheBrowser() throws java.io.IOException {
        Browser.assumeEnabled();
        if (shot == 0 && java.nio.file.Files.isDirectory(SCREENSHOTS)) {
            // the screens of an earlier run would mix with these
            // the screens of other stories (admin-<part>-nn-…) are theirs to replace
            try (var old = java.nio.file.Files.newDirectoryStream(SCREENSHOTS, "admin-[0-9]*.png")) {
                for (Path file : old) {
                    java.nio.file.Files.delete(file);
                }
            }
        }
    }

    /** Issue 10, item 10: the editorial UI works under its Content Security Policy, which refuses nothing it uses. */
    @AfterEach
    void quitBrowsers() {
        List<String> refused;
        try {
            refused = Browser.closeAll(open);
        } finally {
            open.clear();
        }
        assertEquals(List.of(), refused, "refused by the Content Security Policy");
    }

    @Test
    @Order(1)
    void theWholeStoryThroughTheUi() {
        String token = unique("story");
        String title = "Living with migraine (" + token + ")";
        String slug = unique("living-with-migraine");
        String titleEs = "Vivir con migraña (" + token + ")";
        String slugEs = unique("vivir-con-migrana");

        // the author writes the article and submits it
        Browser author = signIn("author", "author");
        author.open("/admin/edit.xhtml");
        see(author, "author-new-article", "New article");
        type(author, "editor:title", title);
        slugProposed(author);
        type(author, "editor:slug", slug);
        type(author, "editor:summary", "What a migraine is and how attacks can be made rarer.");
        type(author, "editor:body", "## What a migraine is\n\nA migraine is a throbbing headache on one side of the head.");
        waitFor(author, By.cssSelector("#previewPanel .preview h2"), "What a migraine is");
        waitFor(author, By.cssSelector("#previewPanel .preview h1"), title);
        // how plain the text is, measured as it is typed: the formula named with its figure
        waitFor(author, By.id("editorReadabilityFigure"), "Flesch-Kincaid grade:");
        assertTrue(text(author, "#editorReadability").contains("2 sentences, 16 words"), text(author, "#editorReadability"));
        type(author, "editor:changeNote", "first draft");
        see(author, "author-writes", "New article");
        click(author, "editor:save");
        assertMessage(author, "Saved as revision 1.");
        long id = articleId(author);
        assertState(author, "Draft");
        see(author, "author-saved", "Edit article");
        click(author, "workflow:submit");
        assertMessage(author, "In medical review");
        assertState(author, "In medical review");
        see(author, "author-submitted", "Edit article");

        // the reviewer finds it on the dashboard and rejects it, saying why
        Browser reviewer = signIn("reviewer", "reviewer");
        openFrom(reviewer, "reviewer", "awaitingMyReview", id, "en");
        assertTrue(text(reviewer, "#review h2").contains("Medical review"));
        assertTrue(reviewer.driver().findElements(By.id("editor:save")).isEmpty(), "a reviewer does not edit");
        assertEquals("true", reviewer.driver().findElement(By.id("editor:body")).getDomAttribute("readonly"),
                "the reviewer's form is read-only");
        assertTrue(text(reviewer, "#reviewReadabilityFigure").startsWith("Flesch-Kincaid grade:"), text(reviewer, "#reviewReadability"));
        type(reviewer, "workflow:comment", "Please say when to see a doctor.");
        see(reviewer, "reviewer-reviews", "Edit article");
        click(reviewer, "workflow:reject");
        assertMessage(reviewer, "Sent back to the author with your comment.");
        assertState(reviewer, "Changes requested");
        see(reviewer, "reviewer-rejected", "Edit article");

        // the author sees the draft and the comment, fixes it and submits again
        openFrom(author, "author", "myDrafts", id, "en");
        assertTrue(text(author, "#auditTrail").contains("Please say when to see a doctor."), text(author, "#auditTrail"));
        append(author, "editor:body", "\n\n## When to see a doctor\n\nSee a doctor at once if a headache is sudden and severe.");
        waitFor(author, By.cssSelector("#previewPanel .preview"), "When to see a doctor");
        type(author, "editor:changeNote", "when to see a doctor, as the reviewer asked");
        click(author, "editor:save");
        assertMessage(author, "Saved as revision 2.");
        see(author, "author-fixed", "Edit article");
        click(author, "workflow:submit");
        assertState(author, "In medical review");
        see(author, "author-resubmitted", "Edit article");
        close(author);

        // the reviewer approves with every item of the checklist ticked
        openFrom(reviewer, "reviewer", "awaitingMyReview", id, "en");
        List<WebElement> checklist = reviewer.driver().findElements(By.cssSelector("#review input[type=checkbox]"));
        assertEquals(4, checklist.size(), "the checklist has four items");
        checklist.forEach(box -> {
            assertTrue(box.isEnabled(), "four eyes do not stop this reviewer");
            box.click();
        });
        assertTrue(text(reviewer, "#review").contains("When to see a doctor"), "the changes are shown for review");
        // the text cites no reference: the reviewer says why none is needed, or cannot approve it
        assertTrue(text(reviewer, "#noReferencesHint").startsWith("This version cites no reference."),
                text(reviewer, "#review"));
        type(reviewer, "workflow:noReferencesReason", "A first overview; the guideline is cited in the linked articles.");
        see(reviewer, "reviewer-checklist", "Edit article");
        click(reviewer, "workflow:approve");
        assertMessage(reviewer, "Approved");
        assertState(reviewer, "Approved");
        see(reviewer, "reviewer-approved", "Edit article");

        // the editor publishes it
        Browser editor = signIn("editor", "editor");
        openFrom(editor, "editor", "readyToPublish", id, "en");
        click(editor, "workflow:publish");
        assertMessage(editor, "Published");
        assertState(editor, "Published");
        see(editor, "editor-published", "Edit article");

        // the translator translates it into Spanish beside the source, saves and submits
        Browser translator = signIn("translator", "translator");
        openFrom(translator, "translator", "translationsDue", id, "es");
        assertTrue(text(translator, "#source").contains(title), "the source text stands beside the translation");
        assertTrue(text(translator, "#source").contains("When to see a doctor"));
        assertEquals(title, value(translator, "editor:title"), "the translation starts from the source text");
        assertEquals("Missing", text(translator, "p.meta .state"));
        assertTrue(translator.driver().findElements(By.id("editor:body")).get(0).getDomAttribute("readonly") == null);
        type(translator, "editor:title", titleEs);
        slugProposed(translator);
        type(translator, "editor:slug", slugEs);
        type(translator, "editor:summary", "Qué es una migraña y cómo hacer que las crisis sean menos frecuentes.");
        type(translator, "editor:body", "## Qué es una migraña\n\nUna migraña es un dolor de cabeza pulsátil en un lado de la"
                + " cabeza.\n\n## Cuándo ver a un médico\n\nConsulte enseguida a un médico si el dolor es repentino e intenso.");
        waitFor(translator, By.cssSelector("#previewPanel .preview"), "Cuándo ver a un médico");
        type(translator, "editor:changeNote", "traducción al español");
        see(translator, "translator-translates", "Edit article");
        click(translator, "editor:save");
        assertMessage(translator, "Saved as revision 1.");
        assertState(translator, "Draft");
        // the XLIFF of the translation, from the editor's link: the translator's session opens the API for reading
        String xliff = translator.driver().findElement(By.linkText("XLIFF")).getDomAttribute("href");
        Object download = ((JavascriptExecutor) translator.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t.includes('<target') + ' '"
                + " + t.includes('Qué es una migraña'))), e => done(String(e)));", xliff);
        assertEquals("200 true true", download, "the translator downloads " + xliff);
        see(translator, "translator-downloads-xliff", "Edit article");
        click(translator, "workflow:submit");
        assertState(translator, "In medical review");
        see(translator, "translator-submitted", "Edit article");
        close(translator);

        // the reviewer approves the Spanish text, and the editor publishes it
        openFrom(reviewer, "reviewer", "awaitingMyReview", id, "es");
        reviewer.driver().findElements(By.cssSelector("#review input[type=checkbox]")).forEach(WebElement::click);
        type(reviewer, "workflow:noReferencesReason", "Una traducción fiel; el original no cita ninguna fuente.");
        see(reviewer, "reviewer-checklist-es", "Edit article");
        click(reviewer, "workflow:approve");
        assertState(reviewer, "Approved");
        see(reviewer, "reviewer-approved-es", "Edit article");
        close(reviewer);

        openFrom(editor, "editor", "readyToPublish", id, "es");
        click(editor, "workflow:publish");
        assertState(editor, "Published");
        see(editor, "editor-published-es", "Edit article");
        close(editor);

        // a reader, signed in nowhere, sees both
        Browser reader = start();
        reader.open("/en/articles/" + slug);
        see(reader, "reader-en", title);
        assertTrue(text(reader, "article").contains("When to see a doctor"), text(reader, "article"));
        reader.open("/es/articles/" + slugEs);
        see(reader, "reader-es", titleEs);
        assertTrue(text(reader, "article").contains("Cuándo ver a un médico"), text(reader, "article"));
        assertEquals("published", DatabaseRows.text("select state from variant where article_id = ? and locale = 'es'", id)
                .toLowerCase());
    }

    @Test
    @Order(2)
    void twoBrowsersEditOneDraftAndTheSecondLosesNothing() {
        String slug = unique("conflict");
        Browser first = signIn("author", "first-author");
        first.open("/admin/edit.xhtml");
        type(first, "editor:title", "Cluster headache (" + slug + ")");
        slugProposed(first);
        type(first, "editor:slug", slug);
        type(first, "editor:body", "Cluster headaches come in bouts.");
        waitFor(first, By.cssSelector("#previewPanel .preview"), "bouts");
        type(first, "editor:changeNote", "first draft");
        click(first, "editor:save");
        assertMessage(first, "Saved as revision 1.");
        long id = articleId(first);

        // both open the same draft: the second is told who is editing it, its form read-only
        Browser second = signIn("admin", "second-admin");
        second.open("/admin/edit.xhtml?article=" + id + "&locale=en");
        assertTrue(text(second, "#editLock").contains("Being edited by Alex Author since"), text(second, "#editLock"));
        assertEquals("true", second.driver().findElement(By.id("editor:body")).getDomAttribute("readonly"));
        see(second, "second-opens-draft", "Edit article");

        // the first saves
        type(first, "editor:body", "Cluster headaches come in bouts of several weeks.");
        waitFor(first, By.cssSelector("#previewPanel .preview"), "several weeks");
        type(first, "editor:changeNote", "how long a bout lasts");
        click(first, "editor:save");
        assertMessage(first, "Saved as revision 2.");
        see(first, "first-saves", "Edit article");

        // the second takes over and saves over the revision it loaded: the If-Match check stays the
        // last defence, and shows the conflict screen with its own text kept
        click(second, "editLock:takeOver");
        String mine = "Cluster headaches are rare and mostly affect men; attacks last up to three hours.";
        type(second, "editor:body", mine);
        waitFor(second, By.cssSelector("#previewPanel .preview"), "three hours");
        type(second, "editor:changeNote", "who gets them and how long an attack lasts");
        click(second, "editor:save");
        WebElement conflict = second.driver().findElement(By.id("conflict"));
        assertTrue(conflict.isDisplayed());
        assertTrue(conflict.getText().contains("Someone else saved this article in the meantime"), conflict.getText());
        assertTrue(conflict.getText().contains("author saved revision 2"), conflict.getText());
        assertFalse(second.driver().findElements(By.cssSelector("#conflict ins")).isEmpty(), "their change, word by word");
        assertEquals(mine, value(second, "editor:body"), "the second browser's text is still in the form");
        assertEquals(2, revisions(id), "nothing saved over their revision");
        see(second, "second-conflict", "Edit article");

        assertEquals("Save my text on top of revision 2", second.driver().findElement(By.id("editor:saveOnTop"))
                .getDomProperty("value"));
        click(second, "editor:saveOnTop");
        assertMessage(second, "Saved as revision 3.");
        assertEquals(mine, value(second, "editor:body"));
        see(second, "second-saved-on-top", "Edit article");
        assertEquals(mine, DatabaseRows.text("select r.body from revision r join variant v on r.variant_id = v.id"
                + " where v.article_id = ? and r.revision_no = 3", id));
    }

    // --- the browsers

    private Browser start() {
        assertTrue(open.size() < 3, "at most three browsers at once");
        Browser browser = Browser.start();
        open.add(browser);
        return browser;
    }

    private void close(Browser browser) {
        open.remove(browser);
        List<String> refused;
        try {
            refused = browser.contentSecurityPolicyViolations();
        } finally {
            browser.close();
        }
        assertEquals(List.of(), refused, "refused by the Content Security Policy");
    }

    /** A browser of its own, signed in at the sign-in page; {@code who} names its screenshots. */
    private Browser signIn(String user, String who) {
        Browser browser = start();
        browser.open("/admin/login.xhtml");
        see(browser, who + "-sign-in", "Sign in");
        type(browser, "login:userName", user);
        type(browser, "login:password", "demo");
        click(browser, "login:signIn");
        assertTrue(browser.driver().getCurrentUrl().contains("/admin/index.xhtml"), browser.driver().getCurrentUrl());
        assertTrue(text(browser, "header").contains("Signed in as " + user), text(browser, "header"));
        see(browser, who + "-dashboard", "Dashboard");
        return browser;
    }

    /** From the dashboard, follows the link of this article in this list; {@code who} names the screenshots. */
    private void openFrom(Browser browser, String who, String list, long id, String locale) {
        browser.open("/admin/");
        see(browser, who + "-dashboard-" + list, "Dashboard");
        WebElement link = browser.driver().findElements(By.cssSelector("#" + list + " a")).stream()
                .filter(a -> String.valueOf(a.getAttribute("href")).matches(".*[?&]article=" + id + "&locale=" + locale
                        + "(&.*)?$"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link to article " + id + " (" + locale + ") in " + list + ": "
                        + text(browser, "#" + list)));
        marked(browser);
        link.click();
        loaded(browser);
        assertTrue(browser.driver().getCurrentUrl().contains("locale=" + locale), browser.driver().getCurrentUrl());
        see(browser, who + "-opens-" + locale, "Edit article");
    }

    /** Types into a field; again if the page's own script (the slug made from the title) wrote into it meanwhile. */
    static void type(Browser browser, String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        for (int attempt = 0; attempt < 3; attempt++) {
            field.clear();
            field.sendKeys(text);
            if (text.equals(field.getDomProperty("value"))) {
                return;
            }
        }
        assertEquals(text, field.getDomProperty("value"), id);
    }

    /** Waits until the slug the page proposes from a typed title has come (it would replace a slug typed before it). */
    static void slugProposed(Browser browser) {
        String[] last = {null};
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(800)).until(d -> {
            String now = d.findElement(By.id("editor:slug")).getDomProperty("value");
            boolean settled = now != null && !now.isEmpty() && now.equals(last[0]);
            last[0] = now;
            return settled;
        });
    }

    private static void append(Browser browser, String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].setSelectionRange(arguments[0].value.length, arguments[0].value.length)", field);
        field.sendKeys(text);
    }

    private static String value(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getDomProperty("value");
    }

    private static String text(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    /** Presses a button that posts the whole page and waits for the next page. */
    private static void click(Browser browser, String id) {
        marked(browser);
        browser.driver().findElement(By.id(id)).click();
        loaded(browser);
    }

    /** Marks the page shown now, so that {@link #loaded} knows when another has replaced it. */
    private static void marked(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.cmsOldPage = true");
    }

    private static void loaded(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript(
                        "return window.cmsOldPage !== true && document.readyState === 'complete'")));
    }

    private static void waitFor(Browser browser, By where, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    /** Checks the page's heading, and keeps its screenshot. */
    private static void see(Browser browser, String what, String heading) {
        WebElement h1 = browser.driver().findElement(By.tagName("h1"));
        assertTrue(h1.isDisplayed(), what);
        assertEquals(heading, h1.getText(), what);
        browser.screenshot(SCREENSHOTS.resolve(String.format("admin-%02d-%s.png", ++shot, what)));
    }

    private static void assertMessage(Browser browser, String message) {
        List<WebElement> shown = browser.driver().findElements(By.id("messages"));
        String messages = shown.isEmpty() ? "(no messages) " + browser.driver().getTitle() : shown.get(0).getText();
        assertTrue(messages.contains(message), "expected the message \"" + message + "\", the page says: " + messages);
    }

    private static void assertState(Browser browser, String state) {
        String shown = text(browser, "p.meta .state");
        assertEquals(state, shown);
    }

    private static long articleId(Browser browser) {
        Matcher matcher = ARTICLE_ID.matcher(browser.driver().getCurrentUrl());
        assertTrue(matcher.find(), browser.driver().getCurrentUrl());
        return Long.parseLong(matcher.group(1));
    }

    private static long revisions(long id) {
        return DatabaseRows.count("select count(*) from revision r join variant v on r.variant_id = v.id"
                + " where v.article_id = ? and v.locale = 'en'", id);
    }
}
