package io.authbench.reports.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.authbench.reports.ReportMain;
import io.authbench.reports.golden.FourVariantResults;
import io.authbench.reports.golden.Golden;
import io.authbench.reports.results.ResultsJson;
import io.authbench.support.browser.Browsers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report.html from disk in the machine's Chromium: no console errors, no request other than the
 * file itself and its data: images, every section present, charts and filmstrip frames rendered.
 */
class ReportInChromiumTest {
    @TempDir
    static Path dir;

    static Playwright playwright;
    static Browser browser;
    static Path report;

    @BeforeAll
    static void writeReportAndLaunch() throws Exception {
        Path run = dir.resolve("run");
        Path source = Golden.folder("full-run");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = run.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        StringWriter err = new StringWriter();
        int code = ReportMain.run(new String[] {"report", run.toString(), "--baseline",
                Golden.folder("baseline-run").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        report = run.resolve("report.html");
        playwright = Browsers.createPlaywright();
        browser = Browsers.launchChromium(playwright);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** What a page did while loading: console errors and warnings, page errors, failed requests, every request. */
    record Observed(List<String> problems, List<String> requests) {
    }

    static Observed open(Page page, Path file) {
        List<String> problems = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning")) {
                problems.add(m.type() + ": " + m.text());
            }
        });
        page.onPageError(e -> problems.add("page error: " + e));
        page.onRequest(r -> requests.add(r.url()));
        page.onRequestFailed(r -> problems.add("request failed: " + r.url() + " " + r.failure()));
        page.navigate(file.toUri().toString());
        page.waitForLoadState();
        return new Observed(problems, requests);
    }

    @Test
    void the_check_catches_a_page_that_reaches_for_the_network() throws Exception {
        // A control for the test below: the same observation must see an external request and its failure.
        Path leaky = Files.writeString(dir.resolve("leaky.html"), "<!DOCTYPE html><html><body>"
                + "<img src=\"http://127.0.0.1:9/missing.png\" alt=\"x\"></body></html>");
        try (BrowserContext context = browser.newContext()) {
            Observed observed = open(context.newPage(), leaky);

            assertThat(observed.requests()).anySatisfy(url -> assertThat(url).startsWith("http://127.0.0.1:9/"));
            assertThat(observed.problems()).isNotEmpty();
        }
    }

    @Test
    void the_report_opens_offline_with_every_section_and_no_console_error() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setOffline(true))) {
            Page page = context.newPage();
            Observed observed = open(page, report);

            assertThat(observed.problems()).isEmpty();
            assertThat(observed.requests()).allSatisfy(url -> assertThat(url).matches("(file:|data:image/png;base64,).*"));
            assertThat(page.title()).isEqualTo("AuthBench report — synthetic-20261127");
            for (String id : List.of("claims", "time-to-content", "round-trips", "resources", "server-side", "filmstrip",
                    "validity", "baseline")) {
                assertThat(page.locator("section#" + id + " h2").isVisible()).as("section %s", id).isTrue();
            }
            assertThat(page.locator("svg.chart").count()).isGreaterThan(30);
            Object loadedFrames = page.evaluate("() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).length");
            assertThat(((Number) loadedFrames).intValue()).isEqualTo(18);
            assertThat(page.locator("section#claims tbody tr").count()).isEqualTo(8);
        }
    }

    @Test
    void a_four_variant_report_against_a_two_variant_baseline_opens_offline_with_section_2b_and_no_console_error() {
        Path four = dir.resolve("four-variants");
        ResultsJson.writeAtomically(FourVariantResults.run(), four.resolve("results.json"));
        ResultsJson.writeAtomically(FourVariantResults.undertowOnly(), dir.resolve("two-variants").resolve("results.json"));
        StringWriter err = new StringWriter();
        int code = ReportMain.run(new String[] {"report", four.toString(), "--baseline",
                dir.resolve("two-variants").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setOffline(true))) {
            Page page = context.newPage();
            Observed observed = open(page, four.resolve("report.html"));

            assertThat(observed.problems()).isEmpty();
            assertThat(observed.requests()).allSatisfy(url -> assertThat(url).startsWith("file:"));
            for (String id : List.of("claims", "time-to-content", "effects", "round-trips", "resources", "server-side",
                    "filmstrip", "validity", "baseline")) {
                assertThat(page.locator("section#" + id + " h2").isVisible()).as("section %s", id).isTrue();
            }
            assertThat(page.locator("section#claims thead th").allTextContents()).contains("Undertow apps", "Next.js apps");
            assertThat(page.locator("section#claims tbody tr").count()).isEqualTo(8);
            assertThat(page.locator("section#effects table").count()).isEqualTo(4);
            assertThat(page.locator("section#baseline").textContent()).contains("NEXT-SSR", "not in the baseline run");
        }
    }

    @Test
    void the_report_prints_to_pdf_without_errors() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(report.toUri().toString());
            byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4"));
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(pdf.length).isGreaterThan(50_000);
        }
    }
}
