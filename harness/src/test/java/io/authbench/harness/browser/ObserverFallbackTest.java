package io.authbench.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import io.authbench.harness.apptarget.NameMatch;
import io.authbench.support.browser.BrowserLocator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Time to content on pages without an {@code elementtiming} attribute: the observer-based fallback of
 * content-watch.js and probe.js, in real Chromium against a tiny loopback server. The greeting shows "Loading…" first
 * and the user's name later, so only the expected text may end the measurement.
 */
class ObserverFallbackTest {
    private static final String NAME = "Ada Lovelace";
    private static HttpServer server;
    private static BrowserSession browser;
    private static String base;

    private static String page(String attribute, boolean onClick) {
        String show = """
                const el = document.getElementById('greeting');
                el.textContent = 'Loading…'; el.hidden = false;
                setTimeout(() => { el.textContent = '%s'; window.__shownAt = performance.now(); }, 120);
                """.formatted(NAME);
        return """
                <!doctype html><html><head><title>t</title></head><body>
                <button id="go">Go</button>
                <h1 id="greeting" %s hidden></h1>
                <script>%s</script>
                </body></html>
                """.formatted(
                        attribute, onClick ? "document.getElementById('go').onclick = () => {" + show + "};" : show);
    }

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/plain", page("", false));
        serve("/timed", page("elementtiming=\"greeting\"", false));
        serve("/click", page("", true));
        serve(
                "/sentence",
                page("", false)
                        .replace(
                                "el.textContent = '" + NAME + "'",
                                "el.textContent = 'Welcome back,\\n  " + NAME + "!'"));
        server.start();
        base = "http://localhost:" + server.getAddress().getPort();
        browser = BrowserSession.launch(BrowserLocator.locate());
    }

    private static void serve(String path, String html) {
        server.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private static BrowserContext context() {
        BrowserContext context = browser.browser().newContext();
        context.addInitScript(PageProbe.actionMarkScript(List.of("#go")));
        context.addInitScript(PageProbe.contentWatchScript("#greeting", "exact", NAME));
        return context;
    }

    @Test
    void a_page_without_elementtiming_is_measured_by_the_observer_after_the_expected_text_appears() {
        try (BrowserContext context = context()) {
            Page page = context.newPage();
            page.navigate(base + "/plain");

            PageProbe.Timings timings = PageProbe.measure(page, "#greeting", false, 10_000);

            assertThat(timings.method()).isEqualTo(PageProbe.OBSERVER);
            assertThat(timings.contentText()).isEqualTo(NAME);
            assertThat(timings.contentPaint()).isPositive();
            // The frame after the name was set, not after "Loading…" (which showed first).
            double shownAt = ((Number) page.evaluate("() => window.__shownAt")).doubleValue();
            assertThat(timings.contentPaint()).isGreaterThanOrEqualTo(shownAt);
        }
    }

    @Test
    void the_targets_name_match_runs_in_the_page_a_regex_or_contains_accepts_a_greeting_exact_does_not() {
        NameMatch regex = NameMatch.regex("^Welcome back, {name}!$");
        for (String[] watch : new String[][] {{"regex", regex.expected(NAME)}, {"contains", NAME}}) {
            try (BrowserContext context = browser.browser().newContext()) {
                context.addInitScript(PageProbe.contentWatchScript("#greeting", watch[0], watch[1]));
                Page page = context.newPage();
                page.navigate(base + "/sentence");

                PageProbe.Timings timings = PageProbe.measure(page, "#greeting", false, 10_000);

                assertThat(timings.contentPaint()).as(watch[0]).isPositive();
                double shownAt = ((Number) page.evaluate("() => window.__shownAt")).doubleValue();
                assertThat(timings.contentPaint()).as(watch[0]).isGreaterThanOrEqualTo(shownAt);
                assertThat(regex.matches(timings.contentText(), NAME))
                        .as("the harness agrees with the page")
                        .isTrue();
            }
        }
        try (BrowserContext context = browser.browser().newContext()) {
            context.addInitScript(PageProbe.contentWatchScript("#greeting", "exact", NAME));
            Page page = context.newPage();
            page.navigate(base + "/sentence");
            page.waitForFunction("() => window.__shownAt !== undefined");

            PageProbe.Timings timings = PageProbe.measure(page, "#greeting", false, 1_000);

            assertThat(timings.contentPaint())
                    .as("exact never matches a greeting")
                    .isNull();
            assertThat(timings.contentText())
                    .as("the text the page settled on, for the message")
                    .isEqualTo("Welcome back,\n  " + NAME + "!");
        }
    }

    @Test
    void a_page_with_elementtiming_keeps_element_timing() {
        try (BrowserContext context = context()) {
            Page page = context.newPage();
            page.navigate(base + "/timed");
            page.waitForFunction("() => window.__shownAt !== undefined");

            PageProbe.Timings timings = PageProbe.measure(page, "#greeting", false, 10_000);

            assertThat(timings.method()).isEqualTo(PageProbe.ELEMENT_TIMING);
            assertThat(timings.contentPaint()).isPositive();
        }
    }

    @Test
    void a_same_document_click_is_measured_from_the_click_to_the_frame_after_the_name() {
        try (BrowserContext context = context()) {
            Page page = context.newPage();
            page.navigate(base + "/click");
            page.click("#go");

            PageProbe.Timings timings = PageProbe.measure(page, "#greeting", true, 10_000);

            assertThat(timings.method()).isEqualTo(PageProbe.OBSERVER);
            assertThat(timings.actionEpoch()).isNotNull();
            assertThat(timings.contentEpoch() - timings.actionEpoch()).isPositive();
        }
    }
}
