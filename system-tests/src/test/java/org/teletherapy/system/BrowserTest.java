package org.teletherapy.system;

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

/**
 * A browser test class: Chromium started once for the class against the shared running platform, a fresh browser
 * (its own cookies) per test, and a screenshot of how each test left the page, named after the class and test.
 */
abstract class BrowserTest {

    static final String BERLIN = "Europe/Berlin";

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
}
