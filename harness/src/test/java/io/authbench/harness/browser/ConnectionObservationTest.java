package io.authbench.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import io.authbench.harness.ServerJars;
import io.authbench.harness.measure.CriticalPath;
import io.authbench.harness.measure.Destinations;
import io.authbench.harness.measure.Waterfall;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.support.browser.Browsers;
import io.authbench.support.browser.LaunchSettings;
import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import io.authbench.support.tls.ChromiumTrust;
import io.authbench.support.tls.RunAuthority;
import io.authbench.testsupport.browser.BrowserExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link NetworkLog} records about connections, against the real emulator (Undertow) in a real Chromium: a first
 * request opens a connection, a later one reuses it; over plain HTTP/1.1, and over HTTPS with HTTP/2 and a run's own
 * certificate authority, which this Chromium trusts (and nothing else added). The records go through
 * {@link Waterfall} into results.json's request entries.
 */
class ConnectionObservationTest {
    private static final Path LOGS = Path.of("target", "browser-test-logs", "ConnectionObservationTest");
    private static final String API_HOST = "api.authbench.test";
    private static final String PLAIN_HOST = "plain.authbench.test";

    @TempDir
    static Path run;

    static RunAuthority authority;
    static ServerProcess plain;
    static ServerProcess tls;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void start() {
        authority = RunAuthority.create(run);
        plain = emulator("emulator-http", List.of());
        tls = emulator(
                "emulator-https", authority.issue("appwrite", List.of(API_HOST)).serverArguments());
        // Its own browser, not BrowserExtension's: this one needs host-resolver rules and the run's NSS database.
        playwright = Browsers.createPlaywright();
        browser = Browsers.launchChromium(
                playwright,
                LaunchSettings.defaults()
                        .withExtraArgs(List.of("--host-resolver-rules=MAP " + API_HOST + " 127.0.0.1:"
                                + tls.url().getPort() + ", MAP " + PLAIN_HOST + " 127.0.0.1:"
                                + plain.url().getPort()))
                        .withEnvironment(ChromiumTrust.create(authority).environment()));
    }

    private static ServerProcess emulator(String name, List<String> tlsArguments) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1", "--password-hash", "fast"));
        args.addAll(tlsArguments);
        // Generous start-up bound: on a loaded 2-core machine a JVM can take longer than the default 30 s.
        return ServerProcess.start(
                ServerSpec.javaJar(name, List.of("-Xmx256m"), ServerJars.emulator(), args)
                        .withStartTimeout(Duration.ofSeconds(120)),
                LOGS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (tls != null) {
            tls.close();
        }
        if (plain != null) {
            plain.close();
        }
        if (authority != null) {
            authority.close();
        }
    }

    @Test
    void over_plain_http_a_second_parallel_request_connects_and_a_later_one_reuses_a_connection() {
        URI origin = URI.create("http://" + PLAIN_HOST);

        List<ObservedRequest> requests = loadThenFetch(origin);

        assertThat(requests).allSatisfy(r -> {
            assertThat(r.protocol()).isEqualTo("http/1.1");
            assertThat(r.tlsMs()).isNull();
            assertThat(r.tlsVersion()).isNull();
        });
        // HTTP/1.1 carries one request at a time: of the two parallel fetches, one needs a connection of its own.
        // (Chromium may report the navigation's own connection as reused: it opens it ahead, see ConnectionUse.)
        assertThat(requests.subList(1, 3))
                .filteredOn(r -> Boolean.TRUE.equals(r.newConnection()))
                .singleElement()
                .satisfies(r -> assertThat(r.connectMs()).isNotNull().isGreaterThanOrEqualTo(0.0));
        ObservedRequest last = requests.get(3);
        assertThat(last.newConnection())
                .as("keep-alive: an idle connection is reused")
                .isFalse();
        assertThat(last.connectMs()).isNull();
    }

    @Test
    void over_https_the_first_request_pays_a_tls_handshake_on_h2_and_a_later_one_reuses_the_connection() {
        URI origin = URI.create("https://" + API_HOST);

        List<ObservedRequest> requests = loadThenFetch(origin);

        ObservedRequest document = requests.get(0);
        assertThat(document.protocol()).isEqualTo("h2");
        assertThat(document.newConnection()).isTrue();
        assertThat(document.connectMs()).isNotNull().isGreaterThanOrEqualTo(0.0);
        assertThat(document.tlsMs()).isNotNull().isGreaterThanOrEqualTo(0.0);
        assertThat(document.tlsVersion()).isEqualTo("TLS 1.3");
        assertThat(document.tlsHandshake()).isTrue();
        // One HTTP/2 connection per origin: every later request is a stream on it.
        assertThat(requests.subList(1, requests.size())).isNotEmpty().allSatisfy(r -> {
            assertThat(r.protocol()).isEqualTo("h2");
            assertThat(r.newConnection()).isFalse();
            assertThat(r.tlsMs()).isNull();
            assertThat(r.tlsVersion()).isEqualTo("TLS 1.3");
        });
    }

    /**
     * Loads a page of {@code origin}, waits until the network is idle, then fetches from it twice in parallel and once
     * more after both; each fetch reads its body, so its connection is free again when it resolves.
     */
    private static List<ObservedRequest> loadThenFetch(URI origin) {
        try (BrowserContext context = browser.newContext()) {
            context.setDefaultTimeout(BrowserExtension.PATIENCE.toMillis());
            Page page = context.newPage();
            NetworkLog log = NetworkLog.attach(context.newCDPSession(page));
            double from = System.currentTimeMillis() - 1_000;

            page.navigate(origin + "/v1/account");
            page.waitForLoadState(LoadState.NETWORKIDLE);
            page.evaluate("async () => {"
                    + " const read = url => fetch(url).then(r => r.text());"
                    + " await Promise.all([read('/v1/account?a'), read('/v1/account?b')]);"
                    + " await read('/v1/account?c'); }");
            List<Exchange> exchanges = waitForFinished(page, log, 4);
            double to = System.currentTimeMillis() + 1_000;

            List<Exchange> ours =
                    exchanges.stream().filter(e -> e.url().contains("/v1/")).toList();
            Destinations app = Destinations.byOrigin(List.of(origin), List.of());
            List<ObservedRequest> rows = Waterfall.of(ours, app, from, from, to, CriticalPath.of(ours, from, to));
            assertThat(rows).as("document and three fetches: %s", ours).hasSize(4);
            return rows.stream()
                    .sorted((a, b) -> Double.compare(a.startMs(), b.startMs()))
                    .toList();
        }
    }

    /**
     * The log's exchanges once {@code count} of ours (the /v1/ ones) have their response; CDP events arrive a moment
     * after the page saw it, and Playwright delivers them only while it is called, so the wait goes through the page.
     */
    private static List<Exchange> waitForFinished(Page page, NetworkLog log, int count) {
        long deadline = System.nanoTime() + BrowserExtension.PATIENCE.toNanos();
        while (true) {
            List<Exchange> all = log.exchanges();
            long finished = all.stream()
                    .filter(e -> e.url().contains("/v1/") && e.finished())
                    .count();
            if (finished >= count || System.nanoTime() > deadline) {
                return all;
            }
            page.waitForTimeout(50);
        }
    }
}
