package io.authbench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.golden.Golden;
import io.authbench.reports.results.CellSummaries;
import io.authbench.reports.results.Environment;
import io.authbench.reports.results.Incident;
import io.authbench.reports.results.LinkSettings;
import io.authbench.reports.results.LoadStep;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import io.authbench.reports.stats.ReportModel;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportPageTest {
    private static final String HOSTILE = "<img src=x onerror=alert(1)>\"'&";

    private static final String FULL = ReportPage.html(
            ReportModel.of(Golden.read("full-run"), Golden.read("baseline-run"), "baseline-run/results.json"), path -> {
                try {
                    return Optional.of(
                            Files.readAllBytes(Golden.folder("full-run").resolve(path)));
                } catch (Exception e) {
                    return Optional.empty();
                }
            });

    @Test
    void the_page_is_well_formed_and_has_every_section_in_the_issue_order() throws Exception {
        Document doc = Xhtml.parse(FULL);

        assertThat(Xhtml.elements(doc, "section"))
                .extracting(e -> e.getAttribute("id"))
                .containsExactly(
                        "claims",
                        "time-to-content",
                        "round-trips",
                        "resources",
                        "server-side",
                        "filmstrip",
                        "validity",
                        "baseline");
    }

    @Test
    void nothing_in_the_page_can_reach_the_network() throws Exception {
        Document doc = Xhtml.parse(FULL);

        assertThat(Xhtml.attributes(doc, "href"))
                .allSatisfy(href -> assertThat(href).startsWith("#"));
        assertThat(Xhtml.attributes(doc, "src"))
                .isNotEmpty()
                .allSatisfy(src -> assertThat(src).startsWith("data:image/png;base64,"));
        assertThat(Xhtml.elements(doc, "script")).isEmpty();
        assertThat(Xhtml.elements(doc, "link")).isEmpty();
        assertThat(FULL).doesNotContain("url(").doesNotContain("@import").doesNotContain("https://");
        // The only "http://" is the SVG namespace name, which is never fetched.
        assertThat(FULL.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://");
        assertThat(FULL).contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"");
    }

    @Test
    void every_chart_has_a_title_a_description_and_axis_labels() throws Exception {
        Document doc = Xhtml.parse(FULL);
        List<Element> charts = Xhtml.elements(doc, "svg");

        assertThat(charts).hasSizeGreaterThan(30);
        for (Element svg : charts) {
            assertThat(svg.getElementsByTagName("title").getLength()).isPositive();
            assertThat(svg.getElementsByTagName("desc").getLength()).isPositive();
        }
        assertThat(FULL)
                .contains(
                        "time to content (ms)",
                        "ms after the user action",
                        "offered rate (requests/s)",
                        "SSR / CSR ratio of time to content (log scale; &lt; 1: SSR faster, &gt; 1: CSR faster)");
    }

    @Test
    void the_golden_numbers_and_verdicts_appear_in_the_tables() {
        assertThat(FULL)
                .contains(
                        "<td>login</td><td>slow-4g</td><td>365 ms (375 ms)</td><td>526 ms (546 ms)</td><td>0 / 1</td>"
                                + "<td>11 (+1 incomplete)</td><td>0.675 [0.649, 0.747]</td><td>0.0010 exact</td><td>0.0117</td>"
                                + "<td class=\"verdict k-first-faster\">SSR faster by 32 % [25 %, 35 %]</td>",
                        "CSR faster by 55 % [53 %, 59 %]",
                        "<td class=\"verdict v-depends-on-profile\">depends on the network profile</td>",
                        "<td class=\"verdict v-not-measurable\">not measurable</td>");
    }

    @Test
    void the_filmstrip_embeds_both_variants_frames() throws Exception {
        Document doc = Xhtml.parse(FULL);

        assertThat(Xhtml.elements(doc, "img"))
                .hasSize(18)
                .extracting(e -> e.getAttribute("alt"))
                .contains("SSR at 0.0 ms", "CSR at 800 ms");
    }

    @Test
    void the_report_says_which_path_csr_sessions_took() throws Exception {
        RunResults golden = Golden.read("full-run");
        String fallback = ReportPage.html(
                ReportModel.of(
                        golden.withSamples(golden.samples().stream()
                                .map(s -> s.variant().equals("csr") ? s.withCsrSessionPath(Sample.FALLBACK_PATH) : s)
                                .toList()),
                        null,
                        null),
                FrameSource.none());
        String cookie = ReportPage.html(
                ReportModel.of(
                        golden.withSamples(golden.samples().stream()
                                .map(s -> s.variant().equals("csr") ? s.withCsrSessionPath(Sample.COOKIE_PATH) : s)
                                .toList()),
                        null,
                        null),
                FrameSource.none());

        Xhtml.parse(fallback);
        assertThat(fallback)
                .contains(
                        "<h3>CSR session path</h3>",
                        "CSR was measured on the <b>fallback</b> path: 0 measured",
                        "<code>localStorage.cookieFallback</code>");
        assertThat(cookie).contains("CSR was measured on the <b>cookie-only</b> path");
        assertThat(FULL).contains("Not recorded (this results file predates the field)");
    }

    @Test
    void medians_measured_with_the_observer_fallback_are_marked_and_explained() throws Exception {
        RunResults golden = Golden.read("full-run");
        List<Sample> samples = golden.samples().stream()
                .map(s -> s.flow().equals("login") && s.variant().equals("csr")
                        ? s.withTimeToContentMethod(Sample.OBSERVER)
                        : s.withTimeToContentMethod(Sample.ELEMENT_TIMING))
                .toList();
        String html = ReportPage.html(ReportModel.of(golden.withSamples(samples), null, null), FrameSource.none());

        Xhtml.parse(html);
        assertThat(html)
                .contains(
                        "<td>login</td><td>slow-4g</td><td>365 ms (375 ms)</td><td>526 ms (546 ms)"
                                + TimeToContentSection.OBSERVER_MARK + "</td>",
                        "Medians marked <i>(observer)</i>");
        assertThat(FULL).doesNotContain("(observer)");
    }

    @Test
    void failure_reasons_are_shown_escaped() {
        assertThat(FULL)
                .contains("console error: Uncaught SyntaxError: Unexpected token &#39;&lt;&#39; in &lt;script"
                        + " src=&quot;/app.js&quot;&gt; &amp; retry");
    }

    @Test
    void hostile_text_anywhere_in_the_results_stays_text() throws Exception {
        String html = ReportPage.html(ReportModel.of(hostileRun(), null, null), FrameSource.none());
        Document doc = Xhtml.parse(html);

        assertThat(Xhtml.elements(doc, "img")).isEmpty();
        assertThat(Xhtml.attributes(doc, "onerror")).isEmpty();
        assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
    }

    @Test
    void the_round_trips_count_connection_set_up_per_link_with_the_protocols_escaped() throws Exception {
        String html = ReportPage.html(ReportModel.of(hostileRun(), null, null), FrameSource.none());
        Xhtml.parse(html);
        String section = html.substring(html.indexOf("<section id=\"round-trips\">"));
        section = section.substring(0, section.indexOf("</section>"));
        String escaped = "&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;";

        assertThat(section)
                .contains("<caption>Connection set-up per browser link (median per sample)</caption>")
                // every SSR sample: one request, on a new connection with a TLS handshake, none reused
                .contains("<td>SSR</td><td>browser →app</td><td>6</td><td>1</td><td>1</td><td>0</td><td>" + escaped
                        + "</td><td>" + escaped + "</td>")
                .contains("1 RTT of its link for the TCP handshake and 1 more for a TLS 1.3 handshake (2 for TLS"
                        + " 1.2)");
    }

    @Test
    void results_recorded_before_connections_were_observed_show_set_up_as_not_measured() {
        String section = FULL.substring(FULL.indexOf("<section id=\"round-trips\">"));
        section = section.substring(0, section.indexOf("</section>"));

        assertThat(section)
                .contains("Connection set-up (TCP connects, TLS handshakes, reused connections, protocol): not"
                        + " measured in these results.")
                .contains("<th>connection set-up round trips × RTT</th>")
                .contains("<td>not measured</td>")
                .doesNotContain("<caption>Connection set-up per browser link");
    }

    @Test
    void the_load_ladder_shows_errors_by_kind_cpu_per_view_and_why_each_ladder_stopped_all_escaped() throws Exception {
        RunResults run = hostileRun()
                .withLoad(List.of(
                        new LoadStep(
                                "ssr", HOSTILE, 50, 50.0, 100, 0, 2.0, 3.0, 4.0, 5.0, 6.0, null, Map.of(), Map.of(),
                                4.25, 0.875, true, null),
                        new LoadStep(
                                "ssr",
                                HOSTILE,
                                100,
                                80.0,
                                200,
                                9,
                                2.0,
                                3.0,
                                4.0,
                                5.0,
                                6.0,
                                null,
                                Map.of(HOSTILE, 9L),
                                Map.of(HOSTILE, HOSTILE),
                                4.5,
                                null,
                                false,
                                HOSTILE),
                        LoadStep.latencyOnly(
                                "csr", "GET /dashboard", 50, 50.0, 100, 0, 1.0, 1.5, 2.0, 2.5, 3.0, null)));

        String html = ReportPage.html(ReportModel.of(run, null, null), FrameSource.none());
        Document doc = Xhtml.parse(html);

        assertThat(Xhtml.elements(doc, "img")).isEmpty();
        assertThat(html)
                .doesNotContain("<img src=x")
                .contains("9 &lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;")
                .contains("<th>errors by kind</th>")
                .contains("<th>app CPU / view</th>")
                .contains("<td>4.250 ms</td><td>0.875 ms</td><td>yes</td>")
                .contains("<td>4.500 ms</td><td>—</td><td>no</td>")
                .contains(
                        "highest sustained rate 50/s; server CPU per page view at 50/s: 5.125 ms (app 4.250 ms + Appwrite"
                                + " 0.875 ms). &lt;img src=x")
                .contains("<strong>csr</strong>: sustained rate not recorded</li>")
                .contains("ssr at 100/s, &lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;: &lt;img src=x");
    }

    @Test
    void the_golden_run_shows_where_each_ladder_stopped() {
        assertThat(FULL)
                .contains("<strong>ssr</strong>: highest sustained rate 400/s")
                .contains("Stopped at 800/s because page views failed")
                .contains("First error of each kind per step")
                .contains("<strong>csr</strong>: highest sustained rate 1600/s");
    }

    @Test
    void an_interrupted_run_says_so_at_the_top_and_still_shows_its_failures() throws Exception {
        String html = ReportPage.html(ReportModel.of(Golden.read("interrupted-run"), null, null), FrameSource.none());
        Xhtml.parse(html);

        assertThat(html)
                .contains("Incomplete run: this run was interrupted (the harness stopped before the run finished)")
                .contains("user-name not painted within 30 s")
                .contains("The JMH and load phases did not run in this run");
    }

    @Test
    void a_setting_named_like_a_credential_is_not_shown() {
        RunResults run = hostileRun();
        RunConfig config = run.run().config();
        RunConfig withKey = new RunConfig(
                config.flows(),
                config.profiles(),
                config.pairs(),
                config.warmupPairs(),
                config.aaFlow(),
                config.timeoutsMs(),
                Map.of("appwriteApiKey", "standard_0123456789abcdef", "browser", "x"));
        Run changed = new Run(run.run().id(), run.run().status(), null, Instant.EPOCH, null, 1, false, withKey);

        String html = ReportPage.html(ReportModel.of(run.withRun(changed), null, null), FrameSource.none());

        assertThat(html).doesNotContain("standard_0123456789abcdef").contains("appwriteApiKey (redacted)");
    }

    @Test
    void an_external_backend_shows_appwrite_cpu_as_not_measured_never_zero() throws Exception {
        RunResults r = hostileRun();
        Environment external = new Environment(
                "Test CPU",
                2,
                null,
                "Linux",
                "OpenJDK 17",
                "156",
                "1.62.0",
                Map.of(),
                "abc",
                "https://cloud.appwrite.io/v1",
                null);
        RunResults run = new RunResults(
                r.schema(),
                r.run(),
                external,
                r.profiles(),
                r.links(),
                r.samples(),
                r.cells(),
                r.incidents(),
                r.codeSize(),
                r.jmh(),
                r.load());

        String html = ReportPage.html(ReportModel.of(run, null, null), FrameSource.none());
        Xhtml.parse(html);
        String resources = html.substring(html.indexOf("<section id=\"resources\">"));
        resources = resources.substring(0, resources.indexOf("</section>"));

        assertThat(resources)
                .contains("Appwrite CPU is <b>not measured</b> in this run: the backend was the external"
                        + " Appwrite at <code>https://cloud.appwrite.io/v1</code>")
                .contains("<td>not measured</td>")
                .doesNotContain("<td>0.0 ms</td>");
    }

    @Test
    void every_claim_shows_its_rule_next_to_the_verdict() throws Exception {
        Document doc = Xhtml.parse(FULL);
        Element table = Xhtml.elements(doc, "table").stream()
                .filter(t -> t.getAttribute("class").equals("claims"))
                .findFirst()
                .orElseThrow();
        NodeList rules = table.getElementsByTagName("td");
        int withRule = 0;
        for (int i = 0; i < rules.getLength(); i++) {
            Element td = (Element) rules.item(i);
            if (td.getAttribute("class").equals("rule")) {
                assertThat(td.getTextContent()).isNotBlank();
                withRule++;
            }
        }
        assertThat(withRule).isEqualTo(8);
        assertThat(FULL)
                .contains("<td class=\"rule\">per profile, SSR significantly faster in time to content of the"
                        + " revisit-cold flow (Holm p &lt; 0.05 and the 95 % interval of the paired ratio clear of 1);"
                        + " a profile is judged only with at least 10 complete pairs (the fewest with which the test can reach"
                        + " Holm p &lt; 0.05 among 24 cells)");
    }

    @Test
    void the_browser_and_server_phase_cpu_per_page_view_stand_side_by_side() {
        String resources = FULL.substring(FULL.indexOf("<section id=\"resources\">"));
        resources = resources.substring(0, resources.indexOf("</section>"));

        // Golden: SSR's revisit-cold views on loopback use 1.32 ms of app CPU, the SSR dashboard benchmark 0.39 ms;
        // CSR's 0.171 ms against index.html 0.07 + bundle 0.12 = 0.19 ms.
        assertThat(resources)
                .contains("<h3>Server CPU per page view: browser phase against server phase</h3>")
                .contains("<td>SSR</td><td>1.32 ms [1.28 ms, 1.39 ms], 12 views</td>"
                        + "<td>0.390 ms (SsrBenchmarks.dashboard 0.390 ms)</td><td>3.38</td>"
                        + "<td class=\"verdict a-differs\">differs</td>"
                        + "<td>browser 1.32 ms against server 0.390 ms per view (+238 %)")
                .contains("what no benchmark replays: GET /app.css (Stylesheet)")
                .contains("<td>CSR</td><td>0.171 ms [0.154 ms, 0.192 ms], 12 views</td>"
                        + "<td>0.190 ms (CsrBenchmarks.indexHtml 0.070 ms + CsrBenchmarks.mainBundle 0.120 ms)</td>"
                        + "<td>0.90</td><td class=\"verdict a-agrees\">agrees</td><td>within 20 % (−10 %)</td>");
    }

    /** A run whose every free-text field carries markup. */
    static RunResults hostileRun() {
        LinkSettings none = new LinkSettings(0, 0, 0);
        Run run = new Run(
                HOSTILE,
                RunStatus.FAILED,
                HOSTILE,
                Instant.EPOCH,
                null,
                1,
                false,
                new RunConfig(
                        List.of(HOSTILE),
                        List.of(HOSTILE),
                        6,
                        0,
                        HOSTILE,
                        Map.of(HOSTILE, 1L),
                        Map.of(HOSTILE, HOSTILE)));
        Environment env = new Environment(
                HOSTILE,
                2,
                null,
                HOSTILE,
                HOSTILE,
                HOSTILE,
                HOSTILE,
                Map.of(HOSTILE, HOSTILE),
                HOSTILE,
                HOSTILE,
                HOSTILE);
        List<Sample> samples = new ArrayList<>();
        for (int pair = 0; pair < 6; pair++) {
            for (String variant : List.of("ssr", "csr")) {
                Metrics m = Metrics.builder()
                        .set(Metric.TIME_TO_CONTENT_MS, variant.equals("ssr") ? 10 + pair : 20 + pair)
                        .build();
                List<ObservedRequest> requests = List.of(new ObservedRequest(
                        NetworkLink.BROWSER_APP,
                        HOSTILE,
                        "/" + HOSTILE,
                        HOSTILE,
                        HOSTILE,
                        200,
                        0,
                        5.0,
                        10L,
                        false,
                        false,
                        HOSTILE,
                        HOSTILE,
                        true,
                        HOSTILE,
                        true,
                        0.5,
                        1.0,
                        HOSTILE));
                samples.add(Sample.ok(
                        HOSTILE, variant, HOSTILE, pair, variant.equals("ssr") ? 0 : 1, Instant.EPOCH, m, requests));
            }
        }
        samples.add(Sample.failed(HOSTILE, "csr", HOSTILE, 6, 0, Instant.EPOCH, HOSTILE, null));
        return RunResults.start(run, env, List.of(new ProfileInfo(HOSTILE, HOSTILE, none, none, none, 1)))
                .withSamples(samples)
                .withCells(CellSummaries.of(samples, Map.of()))
                .withIncidents(List.of(new Incident(Instant.EPOCH, HOSTILE, HOSTILE)));
    }
}
