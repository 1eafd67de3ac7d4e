package io.authbench.reports.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small hand-made results for the codec and writer tests. */
final class ResultsFixtures {
    static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    private ResultsFixtures() {}

    static Run run() {
        return new Run(
                "20261127T080000Z",
                RunStatus.RUNNING,
                null,
                T0,
                null,
                42L,
                true,
                new RunConfig(
                        List.of("login"),
                        List.of("loopback"),
                        2,
                        1,
                        "login",
                        Map.of("iteration", 30_000L),
                        Map.of("browser", "/usr/lib/chromium/chromium")));
    }

    static Environment environment() {
        return new Environment(
                "Test CPU",
                2,
                24L << 30,
                "Linux",
                "OpenJDK 17",
                "156.0.8078.108",
                "1.62.0",
                Map.of("io.appwrite:sdk-for-kotlin", "6.1.0", "appwrite (npm)", "16.1.0"),
                "abc1234",
                Environment.EMULATOR,
                "1.6.0");
    }

    static ProfileInfo loopback() {
        LinkSettings none = new LinkSettings(0, 0, 0);
        return new ProfileInfo("loopback", "no added delay", none, none, none, 1.0);
    }

    static Sample sample(String variant, int pair, int order, double ttcMs) {
        Metrics metrics = Metrics.builder()
                .set(Metric.TIME_TO_CONTENT_MS, ttcMs)
                .set(Metric.REQUESTS, 3)
                .set(Metric.BYTES, 12_345)
                .set(Metric.CONTENT_WITHOUT_JS, variant.startsWith("ssr"))
                .build();
        List<ObservedRequest> requests = List.of(new ObservedRequest(
                NetworkLink.BROWSER_APP,
                "GET",
                "/dashboard",
                null,
                "Document",
                200,
                0.5,
                12.25,
                2048L,
                false,
                false,
                "no-store",
                "aw-get-account;dur=1.2",
                true));
        return Sample.ok("login", variant, "loopback", pair, order, T0.plusSeconds(pair), metrics, requests);
    }
}
