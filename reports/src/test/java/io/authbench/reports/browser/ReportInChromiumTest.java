package io.authbench.reports.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.authbench.reports.ReportMain;
import io.authbench.reports.golden.FourVariantResults;
import io.authbench.reports.golden.Golden;
import io.authbench.reports.results.ResultsJson;
import io.authbench.testsupport.browser.BrowserExtension;
import io.authbench.testsupport.browser.PageWatch;
import io.authbench.testsupport.browser.WatchedContexts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report.html from disk in the machine's Chromium ({@link BrowserExtension}): no console errors
 * or warnings, no request other than the file itself and its data: images, every section present, charts and
 * filmstrip frames rendered.
 */
@ExtendWith(BrowserExtension.class)
class ReportInChromiumTest {
    @TempDir
    static Path dir;

    static Path report;

    @BeforeAll
    static void writeReport() throws Exception {
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
        int code = ReportMain.run(
                new String[] {
                    "report",
                    run.toString(),
                    "--baseline",
                    Golden.folder("baseline-run").toString()
                },
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        report = run.resolve("report.html");
    }

    /**
     * What a page did while loading that a report must never do, beyond what the extension already fails a test on
     * (console errors, page errors, dialogs): console warnings and failed requests.
     */
    static List<String> problems(PageWatch watch) {
        List<String> problems = new ArrayList<>();
        watch.consoleErrors().forEach(error -> problems.add("error: " + error));
        watch.pageErrors().forEach(error -> problems.add("page error: " + error));
        watch.consoleWarnings().forEach(warning -> problems.add("warning: " + warning));
        watch.failedRequests().forEach(request -> problems.add("request failed: " + request));
        return problems;
    }

    static void open(Page page, Path file) {
        page.navigate(file.toUri().toString());
        page.waitForLoadState();
    }

    @Test
    void the_check_catches_a_page_that_reaches_for_the_network(Page page, PageWatch watch) throws Exception {
        // A control for the test below: the same observation must see an external request and its failure.
        Path leaky = Files.writeString(
                dir.resolve("leaky.html"),
                "<!DOCTYPE html><html><body>" + "<img src=\"http://127.0.0.1:9/missing.png\" alt=\"x\"></body></html>");
        watch.expectConsoleError("Failed to load resource: net::ERR_"); // what the blocked load makes Chromium log
        open(page, leaky);

        assertThat(watch.requestedUrls()).anySatisfy(url -> assertThat(url).startsWith("http://127.0.0.1:9/"));
        assertThat(problems(watch)).isNotEmpty();
    }

    @Test
    void the_report_opens_offline_with_every_section_and_no_console_error(WatchedContexts contexts) {
        Page page =
                contexts.open(new Browser.NewContextOptions().setOffline(true)).newPage();
        open(page, report);

        assertThat(problems(contexts.watch())).isEmpty();
        assertThat(contexts.watch().requestedUrls())
                .allSatisfy(url -> assertThat(url).matches("(file:|data:image/png;base64,).*"));
        assertThat(page.title()).isEqualTo("AuthBench report — synthetic-20261127");
        for (String id : List.of(
                "claims",
                "time-to-content",
                "round-trips",
                "resources",
                "server-side",
                "filmstrip",
                "validity",
                "baseline")) {
            assertThat(page.locator("section#" + id + " h2").isVisible())
                    .as("section %s", id)
                    .isTrue();
        }
        assertThat(page.locator("svg.chart").count()).isGreaterThan(30);
        Object loadedFrames =
                page.evaluate("() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).length");
        assertThat(((Number) loadedFrames).intValue()).isEqualTo(18);
        assertThat(page.locator("section#claims tbody tr").count()).isEqualTo(8);
    }

    @Test
    void a_four_variant_report_against_a_two_variant_baseline_opens_offline_with_section_2b_and_no_console_error(
            WatchedContexts contexts) {
        Path four = dir.resolve("four-variants");
        ResultsJson.writeAtomically(FourVariantResults.run(), four.resolve("results.json"));
        ResultsJson.writeAtomically(
                FourVariantResults.undertowOnly(), dir.resolve("two-variants").resolve("results.json"));
        StringWriter err = new StringWriter();
        int code = ReportMain.run(
                new String[] {
                    "report",
                    four.toString(),
                    "--baseline",
                    dir.resolve("two-variants").toString()
                },
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();

        Page page =
                contexts.open(new Browser.NewContextOptions().setOffline(true)).newPage();
        open(page, four.resolve("report.html"));

        assertThat(problems(contexts.watch())).isEmpty();
        assertThat(contexts.watch().requestedUrls())
                .allSatisfy(url -> assertThat(url).startsWith("file:"));
        for (String id : List.of(
                "claims",
                "time-to-content",
                "effects",
                "round-trips",
                "resources",
                "server-side",
                "filmstrip",
                "validity",
                "baseline")) {
            assertThat(page.locator("section#" + id + " h2").isVisible())
                    .as("section %s", id)
                    .isTrue();
        }
        assertThat(page.locator("section#claims thead th").allTextContents()).contains("Undertow apps", "Next.js apps");
        assertThat(page.locator("section#claims tbody tr").count()).isEqualTo(8);
        assertThat(page.locator("section#effects table").count()).isEqualTo(4);
        assertThat(page.locator("section#baseline").textContent()).contains("NEXT-SSR", "not in the baseline run");
    }

    @Test
    void the_report_prints_to_pdf_without_errors(Page page) {
        page.navigate(report.toUri().toString());
        byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(50_000);
    }
}
