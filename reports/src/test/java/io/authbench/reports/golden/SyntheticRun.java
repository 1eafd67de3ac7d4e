package io.authbench.reports.golden;

import io.authbench.reports.results.CalibratedLink;
import io.authbench.reports.results.CodeSize;
import io.authbench.reports.results.Environment;
import io.authbench.reports.results.Incident;
import io.authbench.reports.results.JmhResult;
import io.authbench.reports.results.LinkSettings;
import io.authbench.reports.results.LoadStep;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.ResultsWriter;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Screenshot;
import io.authbench.reports.stats.Comparisons;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A seeded synthetic benchmark run, written through the project's own {@link ResultsWriter}, used to produce the
 * golden fixtures of the report tests. Not a measurement: a model of the two auth patterns (requests per flow,
 * round trips on the critical path over the links of docs/architecture.md#network-profiles, server and client time,
 * log-normal noise with a shared per-pair factor and rare outliers) so that the fixture looks like a real run and
 * exercises every section of the report.
 *
 * <p>Regenerate the committed fixtures with {@code GoldenFixtures.main} (see GoldenFixturesTest).
 */
public final class SyntheticRun {
    static final Instant START = Instant.parse("2026-11-27T08:00:00Z");

    private final long seed;
    private final int pairs;
    private final int warmupPairs;
    private final List<String> flows;
    private final List<ProfileInfo> profiles;
    private final Random random;
    private Instant clock = START;

    SyntheticRun(long seed, int pairs, int warmupPairs, List<String> flows, List<String> profileNames) {
        this.seed = seed;
        this.pairs = pairs;
        this.warmupPairs = warmupPairs;
        this.flows = flows;
        this.profiles = profileNames.stream().map(SyntheticRun::profile).toList();
        this.random = new Random(seed);
    }

    static ProfileInfo profile(String name) {
        LinkSettings none = new LinkSettings(0, 0, 0);
        LinkSettings cable = new LinkSettings(28, 5_000_000, 1_000_000);
        return switch (name) {
            case "loopback" -> new ProfileInfo(name, "no added delay (the machine itself)", none, none, none, 1);
            case "cable" ->
                new ProfileInfo(
                        name, "home broadband; backend next to the app", cable, cable, new LinkSettings(2, 0, 0), 1);
            case "slow-4g" -> {
                LinkSettings mobile = new LinkSettings(150, 1_600_000, 750_000);
                yield new ProfileInfo(
                        name, "slow mobile network and a 4x slower CPU", mobile, mobile, new LinkSettings(2, 0, 0), 4);
            }
            case "far-backend" ->
                new ProfileInfo(
                        name,
                        "broadband; Appwrite in another region than the app",
                        cable,
                        cable,
                        new LinkSettings(80, 0, 0),
                        1);
            default -> throw new IllegalArgumentException("unknown synthetic profile " + name);
        };
    }

    /**
     * Writes the run into {@code dir} (results.json and filmstrip frames).
     *
     * @param finalStatus   status to end with ({@code null} leaves the writer closed without finish: interrupted)
     * @param failures      inject failed samples
     * @param extras        add calibration, JMH, load, code size, an incident
     */
    void writeTo(Path dir, RunStatus finalStatus, boolean failures, boolean extras) throws IOException {
        Files.createDirectories(dir);
        Clock fixed = Clock.fixed(START.plus(Duration.ofMinutes(21)), ZoneOffset.UTC);
        Run run = new Run(
                String.format(Locale.ROOT, "synthetic-%d", seed),
                RunStatus.RUNNING,
                null,
                START,
                null,
                seed,
                false,
                new RunConfig(
                        flows,
                        profiles.stream().map(ProfileInfo::name).toList(),
                        pairs,
                        warmupPairs,
                        "login",
                        Map.of("iteration", 30_000L, "serverStart", 20_000L, "sdkCall", 10_000L),
                        Map.of("browser", "/usr/lib/chromium/chromium", "cpuBatch", "all iterations of a cell")));
        Environment env = new Environment(
                "Synthetic CPU @ 2.0GHz",
                2,
                24L << 30,
                "Linux 6.1.0 (Debian GNU/Linux 12)",
                "OpenJDK 17.0.15+6-Debian-1deb12u1",
                "156.0.8078.108",
                "1.62.0",
                Map.of("io.appwrite:sdk-for-kotlin", "6.1.0", "appwrite (npm)", "16.1.0"),
                "0123abc",
                Environment.EMULATOR,
                "1.6.0");
        ResultsWriter writer =
                ResultsWriter.create(dir.resolve("results.json"), RunResults.start(run, env, profiles), fixed);
        if (extras) {
            writer.setLinks(calibration());
        }
        for (String flow : flows) {
            for (ProfileInfo profile : profiles) {
                cell(writer, flow, profile, "ssr", "csr", failures);
            }
        }
        for (ProfileInfo profile : profiles) {
            cell(writer, "login", profile, "ssr-a", "ssr-b", false);
        }
        if (extras) {
            writer.setCodeSize(List.of(
                    new CodeSize(
                            "ssr",
                            List.of(
                                    "ssr-app/src/main/java/io/authbench/ssr/route/LoginRoute.java",
                                    "ssr-app/src/main/java/io/authbench/ssr/route/DashboardRoute.java",
                                    "ssr-app/src/main/java/io/authbench/ssr/session/SessionCookie.java",
                                    "ssr-app/src/main/java/io/authbench/ssr/appwrite/AppwriteClients.java"),
                            214),
                    new CodeSize(
                            "csr", List.of("csr-app/src/main/web/auth.js", "csr-app/src/main/web/router.js"), 131)));
            writer.setJmh(List.of(
                    new JmhResult(
                            "SsrBenchmarks.dashboard", "ssr", "thrpt", 1, 2.41, 0.08, "ops/ms", Map.of(), 0.39, 0.21),
                    new JmhResult("SsrBenchmarks.login", "ssr", "thrpt", 1, 1.12, 0.05, "ops/ms", Map.of(), 0.71, 0.48),
                    new JmhResult(
                            "CsrBenchmarks.indexHtml", "csr", "thrpt", 1, 11.8, 0.4, "ops/ms", Map.of(), 0.07, null),
                    new JmhResult(
                            "CsrBenchmarks.mainBundle", "csr", "thrpt", 1, 6.3, 0.3, "ops/ms", Map.of(), 0.12, null)));
            writer.setLoad(loadLadder());
            writer.addIncident(new Incident(
                    START.plus(Duration.ofMinutes(7)),
                    "calibration",
                    "browser-appwrite on slow-4g measured 3 % below its configured downlink"));
        }
        if (extras) {
            attachFilmstrip(dir, writer);
        }
        if (finalStatus != null) {
            writer.finish(finalStatus, finalStatus == RunStatus.COMPLETE ? null : "stopped by the user (Ctrl-C)");
        } else {
            writer.close();
        }
    }

    /** One cell, written with one call (the harness writes after every sample; the file is the same). */
    private void cell(ResultsWriter out, String flow, ProfileInfo profile, String a, String b, boolean failures)
            throws IOException {
        List<Sample> writer = new ArrayList<>();
        for (int w = 0; w < warmupPairs; w++) {
            pair(writer, flow, profile, a, b, w, true, false);
        }
        for (int p = 0; p < pairs; p++) {
            boolean fail = failures
                    && ((flow.equals("login") && profile.name().equals("slow-4g") && p == 3)
                            || (flow.equals("revisit") && profile.name().equals("cable") && p == 5));
            pair(writer, flow, profile, a, b, p, false, fail);
        }
        out.addSamples(writer);
    }

    private void pair(
            List<Sample> writer,
            String flow,
            ProfileInfo profile,
            String a,
            String b,
            int pair,
            boolean warmup,
            boolean fail)
            throws IOException {
        boolean aFirst = random.nextBoolean();
        double pairFactor = Math.exp(random.nextGaussian() * 0.08);
        String first = aFirst ? a : b;
        String second = aFirst ? b : a;
        writer.add(sample(flow, profile, first, pair, 0, warmup, pairFactor, fail && failing(flow, first)));
        writer.add(sample(flow, profile, second, pair, 1, warmup, pairFactor, fail && failing(flow, second)));
    }

    /** The injected failures: CSR in the login cell, SSR in the revisit cell. */
    private static boolean failing(String flow, String variant) {
        return flow.equals("login") ? variant.equals("csr") : variant.equals("ssr");
    }

    /** One planned request of a flow: on the critical path they run one after the other. */
    private record Step(
            NetworkLink link,
            String method,
            String path,
            String type,
            int status,
            long bytes,
            boolean critical,
            boolean preflight,
            String cacheControl,
            List<String> upstream,
            boolean fromCache) {}

    private static Step app(
            String method,
            String path,
            String type,
            int status,
            long bytes,
            boolean critical,
            String cacheControl,
            String... upstream) {
        return new Step(
                NetworkLink.BROWSER_APP,
                method,
                path,
                type,
                status,
                bytes,
                critical,
                false,
                cacheControl,
                List.of(upstream),
                false);
    }

    private static Step aw(String method, String path, int status, long bytes, boolean critical) {
        return new Step(
                NetworkLink.BROWSER_APPWRITE,
                method,
                path,
                "Fetch",
                status,
                bytes,
                critical,
                false,
                "no-cache, no-store, must-revalidate",
                List.of(),
                false);
    }

    private static Step preflight(String path) {
        return new Step(
                NetworkLink.BROWSER_APPWRITE,
                "OPTIONS",
                path,
                "Preflight",
                204,
                310,
                true,
                true,
                null,
                List.of(),
                false);
    }

    private static Step cached(String path, String type, long bytes, String cacheControl) {
        return new Step(
                NetworkLink.BROWSER_APP, "GET", path, type, 200, bytes, false, false, cacheControl, List.of(), true);
    }

    private static final String CSS = "public, max-age=3600";
    private static final String JS = "public, max-age=31536000, immutable";
    private static final String JS_PATH = "/assets/app-3f9c2b.js";

    /** The requests of each flow, after the user action (docs/architecture.md: the two auth patterns and the flows). */
    static List<Step> steps(String flow, String variant) {
        boolean ssr = variant.startsWith("ssr");
        return switch (flow + (ssr ? "/ssr" : "/csr")) {
            case "login/ssr" ->
                List.of(
                        app("POST", "/login", "Document", 303, 420, true, "no-store", "aw-create-session"),
                        app("GET", "/dashboard", "Document", 200, 3_150, true, "no-store", "aw-get-account"),
                        cached("/app.css", "Stylesheet", 2_400, CSS));
            case "login/csr" ->
                List.of(
                        preflight("/v1/account/sessions/email"),
                        aw("POST", "/v1/account/sessions/email", 201, 1_180, true),
                        aw("GET", "/v1/account", 200, 1_020, true));
            case "revisit/ssr" ->
                List.of(
                        app("GET", "/dashboard", "Document", 200, 3_150, true, "no-store", "aw-get-account"),
                        cached("/app.css", "Stylesheet", 2_400, CSS));
            case "revisit/csr" ->
                List.of(
                        app("GET", "/dashboard", "Document", 200, 1_310, true, "no-cache"),
                        cached(JS_PATH, "Script", 61_500, JS),
                        cached("/app.css", "Stylesheet", 2_400, CSS),
                        aw("GET", "/v1/account", 200, 1_020, true));
            case "revisit-cold/ssr" ->
                List.of(
                        app("GET", "/dashboard", "Document", 200, 3_150, true, "no-store", "aw-get-account"),
                        app("GET", "/app.css", "Stylesheet", 200, 2_400, true, CSS));
            case "revisit-cold/csr" ->
                List.of(
                        app("GET", "/dashboard", "Document", 200, 1_310, true, "no-cache"),
                        app("GET", JS_PATH, "Script", 200, 61_500, true, JS),
                        app("GET", "/app.css", "Stylesheet", 200, 2_400, false, CSS),
                        preflight("/v1/account"),
                        aw("GET", "/v1/account", 200, 1_020, true));
            case "navigate/ssr" ->
                List.of(
                        app("GET", "/profile", "Document", 200, 3_300, true, "no-store", "aw-get-account"),
                        cached("/app.css", "Stylesheet", 2_400, CSS));
            case "navigate/csr" -> List.of(aw("GET", "/v1/account", 200, 1_020, true));
            case "guard/ssr" ->
                List.of(
                        app("GET", "/dashboard", "Document", 303, 260, true, "no-store", "aw-get-account"),
                        app("GET", "/login", "Document", 200, 2_050, true, "no-store"),
                        app("GET", "/app.css", "Stylesheet", 200, 2_400, true, CSS));
            case "guard/csr" ->
                List.of(
                        app("GET", "/dashboard", "Document", 200, 1_310, true, "no-cache"),
                        app("GET", JS_PATH, "Script", 200, 61_500, true, JS),
                        app("GET", "/app.css", "Stylesheet", 200, 2_400, false, CSS),
                        preflight("/v1/account"),
                        aw("GET", "/v1/account", 401, 640, true));
            case "logout/ssr" ->
                List.of(
                        app("POST", "/logout", "Document", 303, 240, true, "no-store", "aw-delete-session"),
                        app("GET", "/login", "Document", 200, 2_050, true, "no-store"),
                        cached("/app.css", "Stylesheet", 2_400, CSS));
            case "logout/csr" ->
                List.of(
                        preflight("/v1/account/sessions/current"),
                        aw("DELETE", "/v1/account/sessions/current", 204, 380, true));
            case "no-js/ssr" ->
                List.of(app("GET", "/dashboard", "Document", 200, 3_150, true, "no-store", "aw-get-account"));
            case "no-js/csr" -> List.of(app("GET", "/dashboard", "Document", 200, 1_310, true, "no-cache"));
            default -> throw new IllegalArgumentException("no synthetic model for " + flow + "/" + variant);
        };
    }

    private Sample sample(
            String flow,
            ProfileInfo profile,
            String variant,
            int pair,
            int order,
            boolean warmup,
            double pairFactor,
            boolean fail)
            throws IOException {
        boolean ssr = variant.startsWith("ssr");
        double noise = pairFactor
                * Math.exp(random.nextGaussian() * 0.12)
                * (random.nextDouble() < 0.04 ? 1.5 + random.nextDouble() * 1.5 : 1);
        List<ObservedRequest> requests = new ArrayList<>();
        double t = 0.4 * noise; // input handling before the first request
        double parallelStart = t;
        double serverTiming = 0;
        int preflights = 0;
        int browserAppwrite = 0;
        int depth = 0;
        long bytes = 0;
        long bytesApp = 0;
        long bytesAppwrite = 0;
        long scriptBytes = 0;
        int requestsApp = 0;
        int requestsAppwrite = 0;
        int cacheable = 0;
        for (Step step : steps(flow, variant)) {
            if (step.fromCache) {
                requests.add(new ObservedRequest(
                        step.link,
                        step.method,
                        step.path,
                        null,
                        step.type,
                        step.status,
                        round(t),
                        round(t + 0.3),
                        0L,
                        false,
                        true,
                        step.cacheControl,
                        null,
                        false));
                continue;
            }
            LinkSettings link = profile.link(step.link);
            double serverMs = 0.6 * noise;
            List<String> timings = new ArrayList<>();
            List<ObservedRequest> upstream = new ArrayList<>();
            double start = step.critical ? t : parallelStart;
            double upstreamAt = start + link.rttMs() / 2 + 0.2;
            for (String call : step.upstream) {
                double dur = round((profile.appAppwrite().rttMs() + 0.9) * noise);
                timings.add(call + ";dur=" + String.format(Locale.ROOT, "%.1f", dur));
                upstream.add(new ObservedRequest(
                        NetworkLink.APP_APPWRITE,
                        null,
                        call,
                        call,
                        "Server-Timing",
                        null,
                        round(upstreamAt),
                        round(upstreamAt + dur),
                        null,
                        false,
                        false,
                        null,
                        null,
                        step.critical));
                upstreamAt += dur;
                serverMs += dur;
                serverTiming += dur;
            }
            double transfer = link.downBitsPerSecond() == 0 ? 0 : step.bytes * 8_000.0 / link.downBitsPerSecond();
            double end =
                    start + (link.rttMs() + transfer) * (0.95 + 0.15 * random.nextDouble()) + serverMs + 0.3 * noise;
            requests.add(new ObservedRequest(
                    step.link,
                    step.method,
                    step.path,
                    null,
                    step.type,
                    step.status,
                    round(start),
                    round(end),
                    step.bytes,
                    step.preflight,
                    false,
                    step.cacheControl,
                    timings.isEmpty() ? null : String.join(", ", timings),
                    step.critical));
            requests.addAll(upstream);
            bytes += step.bytes;
            if (step.link == NetworkLink.BROWSER_APP) {
                requestsApp++;
                bytesApp += step.bytes;
            } else {
                requestsAppwrite++;
                bytesAppwrite += step.bytes;
                browserAppwrite += step.preflight ? 0 : 1;
            }
            preflights += step.preflight ? 1 : 0;
            scriptBytes += step.type.equals("Script") ? step.bytes : 0;
            cacheable += step.cacheControl != null && step.cacheControl.startsWith("public") ? 1 : 0;
            if (step.critical) {
                depth++;
                t = end + 0.2;
                if (step.type.equals("Script")) {
                    t += 22 * profile.cpuSlowdown() * noise; // parse and run the bundle before its fetches start
                }
            }
        }
        boolean noJs = flow.equals("no-js");
        double render = (ssr ? 6 : 9) * profile.cpuSlowdown() * noise;
        double ttc = round(t + render);
        double task = round((ssr ? 9 : 31) * profile.cpuSlowdown() * noise);
        Metrics.Builder m = Metrics.builder()
                .set(Metric.REQUESTS, requestsApp + requestsAppwrite)
                .set(Metric.BYTES, bytes)
                .set(Metric.REQUESTS_APP, requestsApp)
                .set(Metric.BYTES_APP, bytesApp)
                .set(Metric.REQUESTS_APPWRITE, requestsAppwrite)
                .set(Metric.BYTES_APPWRITE, bytesAppwrite)
                .set(Metric.PREFLIGHTS, preflights)
                .set(
                        Metric.REDIRECTS,
                        requests.stream()
                                .filter(r -> r.status() != null && r.status() == 303)
                                .count())
                .set(Metric.SCRIPT_BYTES, scriptBytes)
                .set(Metric.APPWRITE_CALLS_BROWSER, browserAppwrite)
                .set(
                        Metric.APPWRITE_CALLS_SERVER,
                        requests.stream()
                                .filter(r -> r.link() == NetworkLink.APP_APPWRITE)
                                .count())
                .set(Metric.CRITICAL_PATH_DEPTH, depth)
                .set(Metric.SCRIPT_MS, round((ssr ? 0.4 : 7.5) * profile.cpuSlowdown() * noise))
                .set(Metric.TASK_MS, task)
                .set(
                        Metric.APP_CPU_MS,
                        micros(ssr ? 1.3 + 0.1 * random.nextGaussian() : 0.16 + 0.02 * random.nextGaussian()))
                .set(Metric.APPWRITE_CPU_MS, micros(0.55 * (ssr ? upstreamCalls(requests) : browserAppwrite) + 0.05))
                .set(Metric.CACHEABLE_RESPONSES, cacheable);
        if (serverTiming > 0) {
            m.set(Metric.SERVER_TIMING_MS, round(serverTiming));
        }
        if (!noJs || ssr) {
            m.set(Metric.TIME_TO_CONTENT_MS, ttc)
                    .set(
                            Metric.TTFB_MS,
                            round(requests.get(0).startMs()
                                    + profile.browserApp().rttMs()
                                    + 1.0))
                    .set(Metric.FCP_MS, round(ttc - (ssr ? 0 : 2 * noise)))
                    .set(Metric.LCP_MS, ttc)
                    .set(Metric.DOM_CONTENT_LOADED_MS, round(ttc - render * 0.6));
        }
        if (noJs) {
            m.set(Metric.CONTENT_WITHOUT_JS, ssr);
        }
        if (flow.equals("revisit")) {
            m.set(Metric.WARM_REVISIT_BYTES, bytes);
        }
        Instant at = clock;
        clock = clock.plusMillis(900 + (long) ttc);
        if (fail) {
            String reason = variant.equals("csr")
                    ? "user-name not painted within 30 s (iteration timeout); last request: POST /v1/account/sessions/email"
                    : "console error: Uncaught SyntaxError: Unexpected token '<' in <script src=\"/app.js\"> & retry";
            return Sample.failed(
                    flow,
                    variant,
                    profile.name(),
                    pair,
                    order,
                    at,
                    reason,
                    Metrics.builder()
                            .set(Metric.REQUESTS, requestsApp + requestsAppwrite)
                            .build());
        }
        Sample sample = new Sample(
                flow, variant, profile.name(), pair, order, warmup, true, null, at, m.build(), requests, List.of());
        return sample;
    }

    private static long upstreamCalls(List<ObservedRequest> requests) {
        return requests.stream()
                .filter(r -> r.link() == NetworkLink.APP_APPWRITE)
                .count();
    }

    private List<CalibratedLink> calibration() {
        List<CalibratedLink> links = new ArrayList<>();
        for (ProfileInfo p : profiles) {
            for (NetworkLink link : NetworkLink.values()) {
                LinkSettings c = p.link(link);
                double rtt = round(c.rttMs() + 0.12 + random.nextDouble() * 0.3);
                Long down = c.downBitsPerSecond() == 0
                        ? Long.valueOf(2_400_000_000L + random.nextInt(400_000_000))
                        : Long.valueOf((long) (c.downBitsPerSecond() * (0.96 + random.nextDouble() * 0.03)));
                Long up = c.upBitsPerSecond() == 0
                        ? Long.valueOf(2_300_000_000L + random.nextInt(400_000_000))
                        : Long.valueOf((long) (c.upBitsPerSecond() * (0.96 + random.nextDouble() * 0.03)));
                links.add(new CalibratedLink(p.name(), link, c, rtt, down, up));
            }
        }
        return links;
    }

    /**
     * As server-bench's ladder writes it: per variant, rates climb until p99 passes 50 ms or page views fail; each step
     * has its errors by kind and the servers' CPU per page view, the sustained flag, and the last one why it stopped.
     */
    private List<LoadStep> loadLadder() {
        List<LoadStep> steps = new ArrayList<>();
        for (String variant : List.of("ssr", "csr")) {
            boolean ssr = variant.equals("ssr");
            double capacity = ssr ? 700 : 4_000;
            for (int rate : new int[] {100, 200, 400, 800, 1600}) {
                double load = rate / capacity;
                double base = ssr ? 1.4 : 0.5;
                double p50 = round(base / Math.max(0.05, 1 - Math.min(load, 0.95)));
                double achieved = Math.min(rate, capacity * 0.98);
                long errors = load > 1 ? (long) ((rate - achieved) * 30) : 0;
                Map<String, Long> byKind =
                        errors == 0 ? Map.of() : Map.of("timeout", errors * 2 / 3, "reset", errors - errors * 2 / 3);
                Map<String, String> first = errors == 0
                        ? Map.of()
                        : Map.of(
                                "timeout", "GET /dashboard: HttpTimeoutException (request timed out)",
                                "reset", "GET /dashboard: IOException (Connection reset by peer)");
                double p99 = round(p50 * 4.2);
                boolean sustained = errors == 0 && p99 <= 50 && achieved >= 0.95 * rate;
                String stop = null;
                if (errors > 0) {
                    stop = "Stopped at " + rate + "/s because page views failed: " + byKind.get("timeout")
                            + " timeout, "
                            + byKind.get("reset") + " reset of " + rate * 30L
                            + " sent (timeouts: the server stalled or is"
                            + " overloaded); first: " + first.get("timeout");
                } else if (p99 > 50) {
                    stop = "Stopped at " + rate + "/s: p99 " + p99 + " ms passed the bound of 50.0 ms.";
                } else if (rate == 1600) {
                    stop =
                            "Every rate up to 1600/s stayed under the p99 bound of 50.0 ms; raise the ladder to find the limit.";
                }
                // No draw from the run's Random: the samples (and their reference statistics) stay as they were.
                double appCpu = round((ssr ? 4.2 : 0.38) * (1 + load * 0.05));
                double appwriteCpu = round((ssr ? 0.85 : 1.9) * (1 + load * 0.05));
                steps.add(new LoadStep(
                        variant,
                        ssr ? "GET /dashboard" : "GET /dashboard (index.html)",
                        rate,
                        round(achieved),
                        rate * 30L,
                        errors,
                        p50,
                        round(p50 * 1.8),
                        p99,
                        round(p50 * 9),
                        round(p50 * 14),
                        null,
                        byKind,
                        first,
                        appCpu,
                        appwriteCpu,
                        sustained,
                        stop));
                if (stop != null) {
                    break;
                }
            }
        }
        return steps;
    }

    /**
     * As the harness does: frames every 100 ms for the login pair on the slowest profile whose SSR/CSR ratio is
     * the cell's median ratio, as PNG files in the run folder, referenced from both samples.
     */
    private void attachFilmstrip(Path dir, ResultsWriter writer) throws IOException {
        String slowest = profiles.stream()
                .max(Comparator.comparingDouble(p -> p.browserApp().rttMs()))
                .orElseThrow()
                .name();
        var cell = Comparisons.of(writer.current()).ssrCsr().stream()
                .filter(c -> c.flow().equals("login") && c.profile().equals(slowest))
                .findFirst()
                .orElseThrow();
        List<Sample> login = writer.current().samples().stream()
                .filter(s -> !s.warmup()
                        && s.ok()
                        && s.flow().equals("login")
                        && s.profile().equals(slowest)
                        && !s.variant().startsWith("ssr-"))
                .toList();
        double medianLog = Math.log(cell.ratio());
        int bestPair = -1;
        double bestDistance = Double.MAX_VALUE;
        for (Sample s : login) {
            if (!s.variant().equals("ssr")) {
                continue;
            }
            Sample other = login.stream()
                    .filter(o -> o.variant().equals("csr") && o.pair() == s.pair())
                    .findFirst()
                    .orElse(null);
            if (other == null) {
                continue;
            }
            double distance = Math.abs(Math.log(s.metrics().numberOrNull(Metric.TIME_TO_CONTENT_MS)
                            / other.metrics().numberOrNull(Metric.TIME_TO_CONTENT_MS))
                    - medianLog);
            if (distance < bestDistance) {
                bestDistance = distance;
                bestPair = s.pair();
            }
        }
        int pair = bestPair;
        Map<String, Double> ttc = new LinkedHashMap<>();
        for (Sample s : login) {
            if (s.pair() == pair) {
                ttc.put(s.variant(), s.metrics().numberOrNull(Metric.TIME_TO_CONTENT_MS));
            }
        }
        writeFrames(dir, slowest, pair, ttc);
        writer.updateSamples(s -> {
            if (s.warmup()
                    || !s.flow().equals("login")
                    || !s.profile().equals(slowest)
                    || s.pair() != pair
                    || !ttc.containsKey(s.variant())) {
                return s;
            }
            List<Screenshot> frames = new ArrayList<>();
            for (int step = 0; step <= 8; step++) {
                frames.add(new Screenshot(step * 100.0, frameName(slowest, s.variant(), pair, step * 100.0)));
            }
            return s.withScreenshots(frames);
        });
    }

    private static void writeFrames(Path dir, String profile, int pair, Map<String, Double> ttcByVariant)
            throws IOException {
        Files.createDirectories(dir.resolve("filmstrip"));
        for (Map.Entry<String, Double> e : ttcByVariant.entrySet()) {
            for (int step = 0; step <= 8; step++) {
                double at = step * 100.0;
                BufferedImage image = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, 160, 100);
                g.setColor(new Color(0x0072B2));
                g.fillRect(0, 0, 160, 14);
                boolean content = at >= e.getValue();
                g.setColor(content ? new Color(0x222222) : new Color(0xDDDDDD));
                g.fillRect(12, 30, content ? 110 : 60, 12);
                g.fillRect(12, 52, content ? 80 : 40, 8);
                g.dispose();
                ImageIO.write(
                        image,
                        "png",
                        dir.resolve(frameName(profile, e.getKey(), pair, at)).toFile());
            }
        }
    }

    static String frameName(String profile, String variant, int pair, double atMs) {
        return String.format(Locale.ROOT, "filmstrip/login-%s-%s-pair%d-%04.0fms.png", profile, variant, pair, atMs);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Server CPU is read per iteration in nanoseconds: keep microseconds, so pairs do not tie. */
    static double micros(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
