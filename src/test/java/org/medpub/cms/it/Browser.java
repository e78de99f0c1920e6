package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium, driven through its own chromedriver: the driver's path is given, so
 * Selenium Manager never runs (it would try to download a browser). Each browser has a fresh
 * profile in a temporary folder, resolves no host name but the loopback ones, and is removed with
 * that folder on {@link #close()}.
 */
final class Browser implements AutoCloseable {

    /** Debian's paths; {@code -Dcms.it.chromium=} and {@code -Dcms.it.chromedriver=} name others. */
    static final File CHROMIUM = new File(System.getProperty("cms.it.chromium", "/usr/bin/chromium"));
    static final File CHROMEDRIVER = new File(System.getProperty("cms.it.chromedriver", "/usr/bin/chromedriver"));
    static final Dimension DESKTOP = new Dimension(1280, 800);
    static final Dimension TABLET = new Dimension(768, 1024);
    /** {@code -Dcms.it.browser=false} skips the browser tests, saying so; without it a missing Chromium fails them. */
    static final String SWITCH = "cms.it.browser";
    /** Selenium warns that it has no DevTools classes for this Chromium; none are used (CDP commands go through chromedriver). */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether the browser tests run: they do unless {@code -Dcms.it.browser=false}. */
    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(SWITCH));
    }

    /** Skips the calling test, saying why, when the browser tests are switched off. */
    static void assumeEnabled() {
        Assumptions.assumeTrue(enabled(), "Browser test skipped: -D" + SWITCH + "=false");
    }

    /** Starts Chromium, or fails saying how to install it. */
    static Browser start() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("The browser tests need Debian's Chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "), which are not installed. Run .ci/run, which installs them (apt-get install chromium"
                    + " chromium-driver) and then runs mvn -B verify; or skip these tests with -D" + SWITCH + "=false.");
        }
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        Path profile;
        try {
            profile = Files.createTempDirectory("cms-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en");
        // the console, where Chromium reports every script, style or image a Content Security Policy refused
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            Browser browser = new Browser(driver, profile);
            browser.viewport(DESKTOP);
            return browser;
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** What the pages' Content Security Policy refused since the last call, as Chromium reported it. */
    List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    /** Closes the browsers, whatever happens; what their pages' Content Security Policy refused meanwhile. */
    static List<String> closeAll(Collection<Browser> browsers) {
        List<String> refused = new ArrayList<>();
        try {
            browsers.forEach(browser -> refused.addAll(browser.contentSecurityPolicyViolations()));
        } finally {
            browsers.forEach(Browser::close);
        }
        return refused;
    }

    /** Loads a page of the suite's server and waits for it to be loaded. */
    void open(String path) {
        String address = Api.base().resolve(path).toString();
        driver.get(address);
        String error = networkError();
        if (error != null) {
            // Chromium's own page for a failed navigation (lang="en", whatever was asked): the
            // server's page was never shown, so ask once more, and say so
            System.out.println("Chromium could not load " + address + " (" + error + "); opening it again");
            driver.get(address);
            error = networkError();
            if (error != null) {
                fail("Chromium could not load " + address + ": " + error);
            }
        }
    }

    /** The text of Chromium's network error page when that is what the tab shows, else null. */
    private String networkError() {
        Object text = driver.executeScript("return document.body && document.body.classList.contains('neterror')"
                + " ? document.body.innerText : null");
        return text == null ? null : text.toString().replaceAll("\\s+", " ").strip();
    }

    /** Makes the page's viewport exactly this size (the window's size would include a headless window frame). */
    void viewport(Dimension size) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", size.width, "height", size.height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** A PNG of the whole page at the viewport's width: the viewport, or all of a longer page. */
    Path screenshot(Path file) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        @SuppressWarnings("unchecked")
        Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
        double width = ((Number) viewport.get("clientWidth")).doubleValue();
        double height = ((Number) content.get("height")).doubleValue();
        byte[] png;
        if (height <= ((Number) viewport.get("clientHeight")).doubleValue()) {
            png = driver.getScreenshotAs(OutputType.BYTES);
        } else {
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            png = Base64.getDecoder().decode((String) shot.get("data"));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temporary folder harms nothing
        }
    }
}
