package org.teletherapy.system;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Real Chromium for browser tests: the machine's own (Debian's {@code chromium} package, which {@code .ci/run}
 * installs), driven by Playwright without downloading a browser of its own. {@code CHROMIUM} points elsewhere.
 */
final class Browsers {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots").toAbsolutePath();

    private Browsers() {
    }

    static Path chromium() {
        Path path = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(path)) {
            throw new AssertionError("Chromium is needed for the browser tests and is not at " + path
                    + ": apt-get install chromium (Debian), or set CHROMIUM to a Chromium or Chrome binary.");
        }
        return path;
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                // This machine's network is closed: Chromium's own background calls would only fail, many at a time.
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** Signs {@code user} in on Keycloak's own page (demo password) and waits until the portal has loaded. */
    static void signIn(Page page, String gatewayUrl, String user) {
        page.navigate(gatewayUrl + "/");
        page.locator("#username").fill(user);
        page.locator("#password").fill("demo");
        page.locator("#kc-login").click();
        page.waitForURL(gatewayUrl + "/**");
        page.waitForLoadState();
    }

    /** Keeps what the page looked like, for a failure or for people to look at. */
    static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
