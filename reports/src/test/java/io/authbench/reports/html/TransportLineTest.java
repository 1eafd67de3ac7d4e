package io.authbench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.golden.Golden;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.stats.ReportModel;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run description's transport line, from config.settings; files without the keys say so. */
class TransportLineTest {

    private static Run withSettings(Map<String, String> settings) {
        Run run = Golden.read("full-run").run();
        RunConfig c = run.config();
        RunConfig changed = new RunConfig(
                c.flows(), c.profiles(), c.pairs(), c.warmupPairs(), c.aaFlow(), c.timeoutsMs(), settings);
        return new Run(run.id(), run.status(), null, Instant.EPOCH, null, 1, false, changed);
    }

    @Test
    void a_cross_site_https_run_names_its_transport_sites_and_host_names() {
        String line = TransportLine.html(withSettings(Map.of(
                "transport", "https",
                "sites", "cross",
                "appHost", "app.example.com",
                "appwriteHost", "appwrite.example.net")));

        assertThat(line)
                .isEqualTo("<p class=\"subtitle\">Transport <b>https (TLS to each server behind its link, HTTP/2"
                        + " offered)</b> · sites <b>cross</b> (app <code>app.example.com</code>, Appwrite"
                        + " <code>appwrite.example.net</code>)</p>");
    }

    @Test
    void a_plain_run_and_an_old_file_are_told_apart_and_host_names_stay_text() {
        assertThat(TransportLine.html(withSettings(Map.of(
                        "transport", "http", "sites", "localhost", "appHost", "<b>", "appwriteHost", "localhost"))))
                .contains("Transport <b>http</b> · sites <b>localhost</b> (app <code>&lt;b&gt;</code>");
        assertThat(TransportLine.html(withSettings(Map.of("publicHost", "localhost"))))
                .contains("Transport and sites: not recorded")
                .contains("<code>localhost</code>");
    }

    @Test
    void the_report_shows_the_line_in_its_run_description() throws Exception {
        RunResults golden = Golden.read("full-run");
        String page = ReportPage.html(
                ReportModel.of(
                        golden.withRun(withSettings(Map.of(
                                "transport", "https",
                                "sites", "same",
                                "appHost", "app.example.com",
                                "appwriteHost", "api.example.com"))),
                        null,
                        null),
                FrameSource.none());

        Xhtml.parse(page);
        String header = page.substring(page.indexOf("<header>"), page.indexOf("</header>"));
        assertThat(header).contains("sites <b>same</b> (app <code>app.example.com</code>, Appwrite");
    }
}
