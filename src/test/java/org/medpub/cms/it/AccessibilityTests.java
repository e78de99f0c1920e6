package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Workflow.signOff;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The reader site as a reader's browser shows it: a demo-like article, published in English and
 * Arabic, with its change log, a topic page, the reviewer's profile, the site's disclosure, the
 * index and a search, each checked by axe-core against WCAG 2.1 A/AA and axe's best
 * practices. Any serious or critical finding fails the test. Each page is kept as a PNG under
 * {@code target/screenshots}, at 1280×800 and at a tablet's 768×1024. One Chromium serves the
 * whole class. Where Chromium is not installed the tests fail, saying to run {@code .ci/run};
 * {@code -Dcms.it.browser=false} skips them instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessibilityTests {

    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String DEMO = "demo/articles/03-tension-type-headache-recognise-and-manage.json";

    static final String ARABIC_TITLE = "الصداع التوتري: كيف تتعرّف عليه وتتعامل معه";
    static final String ARABIC_SUMMARY = "الصداع التوتري أكثر أنواع الصداع شيوعًا. تعرّف على ما يشعر به المصاب،"
            + " وما قد يثيره، وكيف تخففه وتقي منه، ومتى ينبغي طلب المساعدة الطبية.";
    static final String ARABIC_BODY = """
            الصداع التوتري أكثر أنواع الصداع شيوعًا. يصاب به معظم الناس في وقت ما من حياتهم، ونادرًا ما يكون \
            علامة على مرض كامن.

            ## كيف يبدو؟

            يكون الصداع التوتري عادةً:

            - ألمًا خفيفًا ضاغطًا، يوصف غالبًا بأنه رباط مشدود حول الرأس
            - محسوسًا في جانبي الرأس أو في الجبهة أو في مؤخرة الرأس والرقبة
            - خفيفًا إلى متوسط الشدة، فيمكنك عادةً مواصلة أنشطتك اليومية

            ## تخفيف الألم والوقاية من النوبات

            يزول كثير من نوبات الصداع التوتري من تلقاء نفسه. قد تساعد الراحة، والكمادات الدافئة على الرقبة، \
            والمشي في الهواء الطلق، وشرب الماء.

            **تجنّب تناول المسكنات في أيام كثيرة من الشهر**، فالإفراط فيها قد يسبب بدوره صداعًا متكررًا.

            ## متى تطلب المساعدة الطبية

            اطلب المساعدة الطبية فورًا إذا أصابك صداع مفاجئ وشديد جدًا، أو صداع بعد ضربة على الرأس، أو صداع \
            مع حمى وتيبّس في الرقبة، أو مع ارتباك أو ضعف أو صعوبة في الكلام.
            """;

    final Api author = Api.as("author");

    private Browser browser;
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final Map<String, String> slugs = new LinkedHashMap<>();
    /** A topic of the article, named in English and Arabic: its pages are checked too. */
    private final String topicKey = unique("headaches");

    @BeforeAll
    void startBrowser() {
        if (Browser.enabled()) {
            browser = Browser.start();
        }
    }

    @AfterAll
    void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Once, before the first page: the demo's tension-type headache article, live in English and Arabic. */
    @BeforeEach
    void publishTheArticle() throws IOException {
        Browser.assumeEnabled();
        if (!slugs.isEmpty()) {
            return;
        }
        JsonNode demo;
        try (InputStream in = AccessibilityTests.class.getClassLoader().getResourceAsStream(DEMO)) {
            demo = Api.JSON.readTree(in);
        }
        JsonNode en = demo.get("variants").get("en");
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("sourceLocale", "en");
        article.put("title", en.get("title").asText());
        article.put("slug", unique("tension-type-headache"));
        article.put("summary", en.get("summary").asText());
        article.put("body", en.get("body").asText());
        List<Object> topics = new java.util.ArrayList<>(Api.JSON.convertValue(demo.get("topics"), List.class));
        topics.add(0, "Headaches " + topicKey);
        article.put("topics", topics);
        Api editor = Api.as("editor");
        assertEquals(201, editor.put("/api/topics/" + topicKey + "/locales/en", Map.of("name", "Headaches " + topicKey,
                "slug", topicKey), null).status());
        assertEquals(200, editor.put("/api/topics/" + topicKey + "/locales/ar", Map.of("name", "الصداع " + topicKey,
                "slug", topicKey), null).status());
        article.put("references", Api.JSON.convertValue(demo.get("references"), List.class));
        var created = author.post("/api/articles", article);
        assertEquals(201, created.status(), created::toString);
        String path = RevisionApiTests.path(created);
        publish(path + "/locales/en");
        // a second revision whose note readers are told, for the change log
        Map<String, Object> update = new LinkedHashMap<>(article);
        update.remove("sourceLocale");
        update.put("changeNote", "Advice on painkillers made clearer");
        update.put("tellReaders", true);
        update.put("safetyRelevant", false);
        var updated = author.put(path + "/locales/en", update, "\"r1\"");
        assertEquals(200, updated.status(), updated::toString);
        publish(path + "/locales/en");

        Map<String, Object> arabic = new LinkedHashMap<>(article);
        arabic.remove("sourceLocale");
        arabic.put("title", ARABIC_TITLE);
        arabic.put("slug", unique("sudaa-tawattur"));
        arabic.put("summary", ARABIC_SUMMARY);
        arabic.put("body", ARABIC_BODY);
        arabic.put("changeNote", "الترجمة العربية");
        arabic.put("safetyRelevant", false);
        var translated = author.put(path + "/locales/ar", arabic, null);
        assertEquals(201, translated.status(), translated::toString);
        publish(path + "/locales/ar");

        titles.put("en", (String) article.get("title"));
        slugs.put("en", (String) article.get("slug"));
        titles.put("ar", ARABIC_TITLE);
        slugs.put("ar", (String) arabic.get("slug"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ar"})
    void theArticlePage(String locale) {
        show(locale, "article", "/" + locale + "/articles/" + slugs.get(locale), titles.get(locale));
        WebDriver page = browser.driver();
        WebElement review = page.findElement(By.cssSelector("article .review"));
        assertTrue(review.isDisplayed(), "the review line is visible");
        assertTrue(review.getText().contains("Dr. Rana Reviewer"), review::getText);
        assertTrue(page.findElement(By.cssSelector("ol.references")).isDisplayed(), "the references are visible");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ar"})
    void theTopicPage(String locale) {
        show(locale, "topic", "/" + locale + "/topics/" + topicKey, (locale.equals("ar") ? "الصداع " : "Headaches ") + topicKey);
        WebDriver page = browser.driver();
        assertTrue(page.findElement(By.linkText(titles.get(locale))).isDisplayed(), "the article is listed");
        assertTrue(page.findElement(By.cssSelector("nav.breadcrumbs")).isDisplayed(), "the breadcrumbs are visible");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ar"})
    void theChangeLog(String locale) {
        show(locale, "changes", "/" + locale + "/articles/" + slugs.get(locale) + "/changes", null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ar"})
    void aPersonsPage(String locale) {
        show(locale, "person", "/" + locale + "/people/rana-reviewer", "Dr. Rana Reviewer");
        assertTrue(browser.driver().findElement(By.linkText(titles.get(locale))).isDisplayed(),
                "the article she signed off is listed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ar"})
    void theDisclosure(String locale) {
        show(locale, "disclosure", "/" + locale + "/about/disclosure", null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ar"})
    void theIndex(String locale) {
        show(locale, "index", "/" + locale + "/", locale.equals("ar") ? "المقالات" : "Articles");
        assertTrue(browser.driver().findElement(By.linkText(titles.get(locale))).isDisplayed(),
                "the article is listed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ar"})
    void aSearch(String locale) {
        String word = locale.equals("ar") ? "الصداع" : "tension";
        show(locale, "search", "/" + locale + "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
                locale.equals("ar") ? "البحث" : "Search");
        WebDriver page = browser.driver();
        assertEquals(word, page.findElement(By.cssSelector("form[role=search] input[name=q]")).getAttribute("value"));
        assertTrue(page.findElement(By.linkText(titles.get(locale))).isDisplayed(), "the article is found");
    }

    /**
     * Loads a page, checks what every page must show (the heading's words, when given), keeps its
     * screenshots, and runs axe-core on it.
     */
    private void show(String locale, String name, String path, String heading) {
        browser.viewport(Browser.DESKTOP);
        browser.open(path);
        WebDriver page = browser.driver();
        WebElement html = page.findElement(By.tagName("html"));
        assertEquals(locale, html.getAttribute("lang"), path);
        assertEquals(locale.equals("ar") ? "rtl" : "ltr", html.getAttribute("dir"), path);
        WebElement h1 = page.findElement(By.tagName("h1"));
        assertTrue(h1.isDisplayed(), path);
        if (heading != null) {
            assertEquals(heading, h1.getText(), path);
        } else {
            assertTrue(!h1.getText().isBlank(), path);
        }

        browser.screenshot(SCREENSHOTS.resolve("reader-" + locale + "-" + name + ".png"));
        browser.viewport(Browser.TABLET);
        browser.screenshot(SCREENSHOTS.resolve("reader-" + locale + "-" + name + "-tablet.png"));
        browser.viewport(Browser.DESKTOP);

        Results results = new AxeBuilder().withTags(AXE_TAGS).analyze(page);
        if (results.isErrored()) {
            fail("axe-core could not check " + path + ": " + results.getErrorMessage());
        }
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .toList();
        System.out.println("axe-core on " + path + ": " + results.getPasses().size() + " rules passed, violations: "
                + (results.getViolations().isEmpty() ? "none" : results.getViolations().stream()
                        .map(rule -> rule.getId() + " (" + rule.getImpact() + ")").collect(Collectors.joining(", "))));
        if (!serious.isEmpty()) {
            fail("axe-core found " + serious.size() + " serious or critical violation(s) on " + path + ":\n"
                    + serious.stream().map(AccessibilityTests::describe).collect(Collectors.joining("\n")));
        }
    }

    static String describe(Rule rule) {
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n    targets: "
                + rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf)
                        .collect(Collectors.joining(", "))
                + "\n    help: " + rule.getHelpUrl();
    }

    private void publish(String variant) {
        assertEquals(200, take(author, variant, step("submit")).status());
        assertEquals(200, take(Api.as("reviewer"), variant, signOff("approve")).status());
        assertEquals(200, take(Api.as("editor"), variant, step("publish")).status());
    }
}
