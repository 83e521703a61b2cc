package org.teletherapy.system;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A browser test class: Chromium started once for the class against the shared running platform, a fresh browser
 * (its own cookies) per test, and a screenshot of how each test left the page, named after the class and test.
 */
abstract class BrowserTest {

    static final String BERLIN = "Europe/Berlin";
    /** The axe-core rules of WCAG 2.2 AA. */
    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    static RunningPlatform running;
    static Playwright playwright;
    static Browser browser;
    static String gatewayUrl;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void startChromium() {
        running = RunningPlatform.get();
        gatewayUrl = running.platform.gatewayUrl();
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void stopChromium() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void keepAScreenshotAndClose(TestInfo test) {
        if (page != null && !page.isClosed()) {
            Browsers.screenshot(page, getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        }
        if (context != null) {
            context.close();
        }
    }

    /** A browser of that width in Berlin, speaking {@code locale} (e.g. en-GB). */
    void openBrowser(int width, String locale) {
        context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale).setTimezoneId(BERLIN).setViewportSize(width, 900));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    void signIn(String user) {
        Browsers.signIn(page, gatewayUrl, user);
    }

    static WebTestClient gateway() {
        return WebTestClient.bindToServer().baseUrl(gatewayUrl).responseTimeout(Duration.ofSeconds(30)).build();
    }

    static DemoScenario scenario() {
        return new DemoScenario(gateway(), running.keycloak);
    }

    /** The page's serious and critical axe-core violations (WCAG 2.2 AA rules), each named with {@code where}. */
    List<String> seriousViolations(String where) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> where + ": " + rule.getId() + " (" + rule.getImpact() + ") " + nodes(rule))
                .toList();
    }

    private static String nodes(Rule rule) {
        return rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3)
                .collect(Collectors.joining(", "));
    }

    /** The page at a phone's width and at a desktop's, for people to look at; then at the width it had. */
    void screenshots(String name) {
        int width = page.viewportSize().width;
        page.setViewportSize(390, 900);
        Browsers.screenshot(page, name + "-390");
        page.setViewportSize(1280, 900);
        Browsers.screenshot(page, name + "-1280");
        page.setViewportSize(width, 900);
    }
}
