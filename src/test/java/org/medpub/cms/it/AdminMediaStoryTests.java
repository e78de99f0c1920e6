package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.medpub.cms.it.AccessibilityTests.AXE_TAGS;
import static org.medpub.cms.it.AccessibilityTests.FAILING_IMPACTS;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Workflow.signOff;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The media library through the editorial UI (issue 15): an author uploads an image on the media
 * page (first refused, with the problem's words, then sent with its progress bar), the drop zone
 * takes a dropped file into its input, the texts are written in English and Arabic side by side,
 * the image is found and inserted into an article in the editor, and the live preview shows the
 * figure, before and after the save. Then a reader sees the figure of a published article with the
 * alt text of the page's language on the English and the Arabic page (right to left), and axe-core
 * finds nothing serious on those pages nor on the media page in both UI languages. Every screen is
 * kept as {@code target/screenshots/admin-media-<nn>-<what>.png}; the Content Security Policy
 * refuses nothing the pages use.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AdminMediaStoryTests {

    private static final Pattern ITEM = Pattern.compile("[?&]item=(\\d+)");
    private static final Pattern ARTICLE = Pattern.compile("[?&]article=(\\d+)");
    private static final String ARABIC_ALT = "رسم بياني للقلب وأوعيته";

    private static int shot;

    private Browser browser;

    @BeforeEach
    void needsTheBrowser() {
        Browser.assumeEnabled();
        browser = Browser.start();
    }

    @AfterEach
    void quitBrowser() {
        assertEquals(List.of(), Browser.closeAll(List.of(browser)), "refused by the Content Security Policy");
    }

    @Test
    @Order(1)
    void anAuthorUploadsDescribesAndInsertsAnImage() throws IOException {
        String word = unique("heart").replace("-", "");
        String englishAlt = "Diagram of the heart " + word;
        Path png = Files.createTempFile("cms-media-", ".png");
        Path notAnImage = Files.createTempFile("cms-media-", ".png");
        try {
            Files.write(png, MediaLibraryTests.png(900, 600, new Random().nextInt()));
            Files.writeString(notAnImage, "this is text, whatever its name says");
            signIn("author");

            // the navigation leads to the library
            click(By.id("mediaLink"));
            see("library", "Media library");

            // a file that is no image is refused with the problem's words, at the file input
            browser.driver().findElement(By.id("upload:file")).sendKeys(notAnImage.toString());
            type("upload:licence", "CC BY 4.0");
            type("upload:source", "Own work");
            send();
            waitFor(By.id("refusals"), "The file is not a JPEG, PNG or WebP image");
            assertEquals("true", browser.driver().findElement(By.id("upload:file")).getDomAttribute("aria-invalid"));
            see("refused-type", "Media library");

            // without a licence: refused, naming the field, the rest as typed
            browser.driver().findElement(By.id("upload:file")).sendKeys(png.toString());
            type("upload:licence", "");
            type("upload:alt", englishAlt);
            send();
            waitFor(By.id("refusals"), "Licence: Required: a health publisher must show that it may publish the image.");
            assertEquals(englishAlt, value("upload:alt"));
            see("refused-licence", "Media library");

            // a file dropped on the drop zone goes into its input and is named
            dropOnTheDropZone(Files.readAllBytes(png), "heart.png");
            assertEquals(1L, script("return document.getElementById('upload:file').files.length"));
            waitFor(By.id("uploadStatus"), "Chosen file: heart.png");
            type("upload:licence", "CC BY 4.0");
            type("upload:source", "https://example.org/anatomy");
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("upload:locale"))).selectByValue("en");
            type("upload:alt", englishAlt);
            type("upload:caption", "The heart and its great vessels");
            type("upload:credit", "Drawing: Example Clinic");
            see("upload-filled", "Media library");
            send();
            waitFor(By.id("messages"), "Uploaded as image");
            WebElement bar = browser.driver().findElement(By.id("uploadProgress"));
            assertTrue(bar.isDisplayed(), "the progress bar shows the upload complete");
            assertEquals("100", bar.getDomProperty("value"));
            long id = idIn(ITEM, browser.driver().getCurrentUrl());
            assertEquals(1L, DatabaseRows.count("select count(*) from media_item where id = ? and licence = 'CC BY 4.0'", id));
            see("uploaded", "Media library");

            // the texts of every language side by side: Arabic is written right to left
            WebElement arabicAlt = browser.driver().findElement(By.cssSelector("fieldset.locale[lang=ar] input[id$=':alt']"));
            assertEquals("rtl", browser.driver().findElement(By.cssSelector("fieldset.locale[lang=ar]")).getDomAttribute("dir"));
            assertEquals(englishAlt, browser.driver().findElement(By.cssSelector("fieldset.locale[lang=en] input[id$=':alt']"))
                    .getDomProperty("value"));
            arabicAlt.sendKeys(ARABIC_ALT);
            browser.driver().findElement(By.cssSelector("fieldset.locale[lang=ar] textarea[id$=':caption']")).sendKeys("القلب والأوعية الكبرى");
            see("texts-filled", "Media library");
            click(By.id("texts:save"));
            assertTrue(text("#messages").contains("Texts saved in 1 language."), text("#messages"));
            assertEquals(ARABIC_ALT, DatabaseRows.text("select alt from media_text where item_id = ? and locale = 'ar'", id));

            // found by a word of its alt text, and among those without alt text in German, not in English;
            // the thumbnail of an image no article shows comes from the editorial address
            browser.open("/admin/media.xhtml?q=" + word);
            WebElement tile = browser.driver().findElement(By.id("media-" + id));
            WebElement thumbnail = tile.findElement(By.tagName("img"));
            assertTrue(thumbnail.getDomAttribute("src").startsWith("/admin/media/" + id + "/1/"), thumbnail.getDomAttribute("src"));
            assertEquals(englishAlt, thumbnail.getDomAttribute("alt"));
            assertTrue(loadedImage(thumbnail), "the thumbnail loads");
            assertEquals(1, browser.driver().findElements(By.cssSelector(".media-grid .tile")).size());
            see("found", "Media library");
            browser.open("/admin/media.xhtml?q=" + word + "&missing=de");
            assertEquals(1, browser.driver().findElements(By.id("media-" + id)).size(), "no German alt text");
            browser.open("/admin/media.xhtml?q=" + word + "&missing=en");
            assertEquals(0, browser.driver().findElements(By.id("media-" + id)).size(), "it has English alt text");

            // the author writes an article and inserts the image from the editor
            browser.open("/admin/edit.xhtml");
            type("editor:title", "The heart (" + word + ")");
            AdminStoryTests.slugProposed(browser);
            type("editor:slug", unique("the-heart"));
            type("editor:summary", "How the heart pumps blood.");
            type("editor:body", "## How the heart works\n\nThe heart pumps blood.\n\n");
            // the autosave's answer redraws part of the form: the change note is typed once it has come
            waitFor(By.cssSelector("#previewPanel .preview"), "The heart pumps blood.");
            type("editor:changeNote", "first draft");
            click(By.id("editor:save"));
            saved("Saved as revision 1.");
            long articleId = idIn(ARTICLE, browser.driver().getCurrentUrl());
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "var a = document.getElementById('editor:body'); a.focus(); a.setSelectionRange(a.value.length, a.value.length)");
            browser.driver().findElement(By.id("insertImageButton")).click();
            WebElement dialog = browser.driver().findElement(By.id("insertImage"));
            assertTrue(dialog.isDisplayed(), "the picker opens");
            type("mediaSearch:q", word);
            browser.driver().findElement(By.id("mediaSearch:find")).click();
            By choice = By.cssSelector("#insertImage button[data-insert='![" + englishAlt + "](media:" + id + ")']");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("#insertImage button[data-insert]"), 1));
            see("picker", "Edit article");
            // the list is drawn anew when the search's answer comes: a button found just before is gone
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        d.findElement(choice).click();
                        return true;
                    });
            assertFalse(dialog.isDisplayed(), "the picker closes");
            // the image goes in as a block of its own, where the caret was
            assertTrue(value("editor:body").endsWith("The heart pumps blood.\n\n![" + englishAlt + "](media:" + id + ")"),
                    value("editor:body"));

            // the live preview shows the figure of the draft, from the editorial address
            WebElement figure = previewFigure(id);
            assertEquals(englishAlt, figure.findElement(By.tagName("img")).getDomAttribute("alt"));
            assertTrue(figure.getText().contains("The heart and its great vessels"), figure.getText());
            see("inserted", "Edit article");
            type("editor:changeNote", "the heart diagram");
            click(By.id("editor:save"));
            saved("Saved as revision 2.");
            String saved = DatabaseRows.text("select r.body from revision r join variant v on r.variant_id = v.id"
                    + " where v.article_id = ? and v.locale = 'en' and r.revision_no = 2", articleId);
            assertTrue(saved.endsWith("![" + englishAlt + "](media:" + id + "@1)"), "the saved revision pins the version: " + saved);
            previewFigure(id);
            see("saved", "Edit article");

            // the library names the revision that shows it, linked to the editor
            browser.open("/admin/media.xhtml?q=" + word);
            WebElement use = browser.driver().findElement(By.cssSelector("#media-" + id + " details.usage"));
            use.findElement(By.tagName("summary")).click();
            WebElement link = use.findElement(By.tagName("a"));
            assertTrue(link.getText().contains("Article " + articleId + ", English, revision 2"), link.getText());
            assertTrue(link.getDomAttribute("href").contains("article=" + articleId), link.getDomAttribute("href"));
            see("usage", "Media library");
        } finally {
            Files.deleteIfExists(png);
            Files.deleteIfExists(notAnImage);
        }
    }

    @Test
    @Order(2)
    void aReaderSeesTheFigureWithTheAltTextOfThePagesLanguage() throws IOException {
        Api author = Api.as("author");
        long id = MediaLibraryTests.upload(author, MediaLibraryTests.jpeg(1200, 800, new Random().nextInt()), "h.jpg", "image/jpeg",
                "en", "A diagram of a tension headache").json().get("id").asLong();
        var arabic = author.put("/api/media/" + id + "/locales/ar", Map.of("alt", ARABIC_ALT, "caption", "الصداع التوتري"), null);
        assertEquals(200, arabic.status(), arabic::toString);

        String slug = unique("tension-figure");
        Map<String, Object> english = new LinkedHashMap<>(article(slug));
        english.put("body", "## What it is\n\nA band of pressure around the head.\n\n![](media:" + id + ")\n\nIt passes.");
        var created = author.post("/api/articles", english);
        assertEquals(201, created.status(), created::toString);
        String en = RevisionApiTests.path(created) + "/locales/en";
        publish(en);
        String arabicSlug = unique("sudaa");
        Map<String, Object> translation = new LinkedHashMap<>(edit(arabicSlug, "## ما هو\n\nضغط حول الرأس.\n\n![](media:" + id
                + ")\n\nيزول.", "الترجمة العربية"));
        translation.put("title", AccessibilityTests.ARABIC_TITLE);
        translation.put("summary", AccessibilityTests.ARABIC_SUMMARY);
        var translated = author.put(en.replace("/locales/en", "/locales/ar"), translation, null);
        assertEquals(201, translated.status(), translated::toString);
        publish(en.replace("/locales/en", "/locales/ar"));

        List<String> found = new ArrayList<>();
        for (String locale : List.of("en", "ar")) {
            browser.open("/" + locale + "/articles/" + (locale.equals("en") ? slug : arabicSlug));
            WebElement html = browser.driver().findElement(By.tagName("html"));
            assertEquals(locale, html.getDomAttribute("lang"));
            assertEquals(locale.equals("ar") ? "rtl" : "ltr", html.getDomAttribute("dir"));
            WebElement img = browser.driver().findElement(By.cssSelector("article figure.media img"));
            assertEquals(locale.equals("ar") ? ARABIC_ALT : "A diagram of a tension headache", img.getDomAttribute("alt"));
            assertTrue(img.getDomAttribute("srcset").contains("/media/" + id + "/1/320.jpg 320w"), img.getDomAttribute("srcset"));
            assertEquals("lazy", img.getDomAttribute("loading"));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", img);
            assertTrue(loadedImage(img), "the published image loads for readers");
            browser.screenshot(AdminStoryTests.SCREENSHOTS.resolve("reader-" + locale + "-figure.png"));
            found.addAll(axe("/" + locale + " reader page with a figure"));
        }
        failOn(found);
    }

    @Test
    @Order(3)
    void theMediaPagePassesAxeInEnglishAndArabic() throws IOException {
        long id = MediaLibraryTests.upload(Api.as("author"), MediaLibraryTests.png(400, 300, new Random().nextInt()), "a.png",
                "image/png", "en", "Axe check").json().get("id").asLong();
        signIn("author");
        List<String> found = new ArrayList<>();
        for (String language : List.of("en", "ar")) {
            browser.driver().manage().addCookie(new Cookie("cms-language", language, "/admin/"));
            browser.open("/admin/media.xhtml?item=" + id);
            assertEquals(language.equals("ar") ? "rtl" : "ltr", browser.driver().findElement(By.tagName("html")).getDomAttribute("dir"));
            assertEquals("rtl", browser.driver().findElement(By.cssSelector("fieldset.locale[lang=ar]")).getDomAttribute("dir"));
            see("axe-" + language, language.equals("ar") ? "مكتبة الوسائط" : "Media library");
            found.addAll(axe("/admin/media.xhtml (" + language + ")"));
        }
        failOn(found);
    }

    private void publish(String variant) {
        assertEquals(200, take(Api.as("author"), variant, step("submit")).status());
        assertEquals(200, take(Api.as("reviewer"), variant, signOff("approve")).status());
        assertEquals(200, take(Api.as("editor"), variant, step("publish")).status());
    }

    /** A file dropped on the drop zone, as a browser's drag and drop hands it over: a drop event with its DataTransfer. */
    private void dropOnTheDropZone(byte[] file, String name) {
        script("var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });"
                + "var transfer = new DataTransfer();"
                + "transfer.items.add(new File([bytes], arguments[1], {type: 'image/png'}));"
                + "var zone = document.getElementById('dropzone');"
                + "zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));"
                + "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));"
                + "return null;", Base64.getEncoder().encodeToString(file), name);
    }

    private WebElement previewFigure(long id) {
        By figure = By.cssSelector("#previewPanel .preview figure.media");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(figure));
        WebElement shown = browser.driver().findElement(figure);
        WebElement img = shown.findElement(By.tagName("img"));
        assertTrue(img.getDomAttribute("src").startsWith("/admin/media/" + id + "/1/"), img.getDomAttribute("src"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", img);
        assertTrue(loadedImage(img), "the preview's image loads");
        return shown;
    }

    private boolean loadedImage(WebElement img) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
    }

    private List<String> axe(String where) {
        Results results = new AxeBuilder().withTags(AXE_TAGS).analyze(browser.driver());
        if (results.isErrored()) {
            fail("axe-core could not check " + where + ": " + results.getErrorMessage());
        }
        System.out.println("axe-core on " + where + ": " + (results.getViolations().isEmpty() ? "no violations"
                : results.getViolations().stream().map(rule -> rule.getId() + " (" + rule.getImpact() + ")")
                        .collect(Collectors.joining(", "))));
        List<Rule> serious = results.getViolations().stream().filter(rule -> FAILING_IMPACTS.contains(rule.getImpact())).toList();
        return serious.stream().map(rule -> "on " + where + ":\n" + AccessibilityTests.describe(rule)).toList();
    }

    private static void failOn(List<String> found) {
        if (!found.isEmpty()) {
            fail(found.size() + " serious or critical finding(s):\n" + String.join("\n", found));
        }
    }

    private void signIn(String user) {
        browser.open("/admin/login.xhtml");
        type("login:userName", user);
        type("login:password", "demo");
        click(By.id("login:signIn"));
        assertTrue(browser.driver().getCurrentUrl().contains("/admin/index.xhtml"), browser.driver().getCurrentUrl());
    }

    /** Sends the upload form, which media.js posts by XMLHttpRequest and whose answer replaces the page's body. */
    private void send() {
        script("document.body.setAttribute('data-old-body', 'true'); return null;");
        browser.driver().findElement(By.id("upload:send")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !document.body.hasAttribute('data-old-body')")));
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    private void type(String id, String text) {
        AdminStoryTests.type(browser, id, text);
    }

    private String value(String id) {
        return browser.driver().findElement(By.id(id)).getDomProperty("value");
    }

    /** Waits for the editor's message that the save worked; else fails with what the page says. */
    private void saved(String message) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), message));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("expected \"" + message + "\"; the page says: " + browser.driver().findElement(By.tagName("main")).getText());
        }
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    /** Presses a button or link that loads another page and waits for it. */
    private void click(By what) {
        script("window.cmsOldPage = true; return null;");
        browser.driver().findElement(what).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return window.cmsOldPage !== true && document.readyState === 'complete'")));
    }

    private void waitFor(By where, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    private static long idIn(Pattern pattern, String url) {
        Matcher matcher = pattern.matcher(url);
        assertTrue(matcher.find(), url);
        return Long.parseLong(matcher.group(1));
    }

    private void see(String what, String heading) {
        WebElement h1 = browser.driver().findElement(By.tagName("h1"));
        assertEquals(heading, h1.getText(), what);
        browser.screenshot(AdminStoryTests.SCREENSHOTS.resolve(String.format("admin-media-%02d-%s.png", ++shot, what)));
    }
}
