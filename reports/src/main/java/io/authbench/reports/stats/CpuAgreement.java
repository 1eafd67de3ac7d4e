package io.authbench.reports.stats;

import io.authbench.reports.results.Flows;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.reports.results.Quantiles;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Does the browser phase's app CPU per page view agree with the server phase's for the same request mix?
 *
 * <p>The same mix: a signed-in page view with a cold browser cache, the {@value #FLOW} flow on the
 * {@value #PROFILE} profile (no added delay, like the server phase's loopback), against the JMH benchmarks that
 * replay that view's requests to the app ({@link ServerPhaseCpu}). Browser phase: the median of the per-iteration
 * {@code appCpuMs} of the flow's ok measured samples, with the 95 % interval of that median that every section uses
 * ({@link MedianInterval}: block-aware bootstrap, seed {@code run.seed * 31 + ("cpu-agreement|" + variant).hashCode()},
 * or order statistics with one block). Both figures leave the JIT compiler threads out,
 * read the same way.
 *
 * <p>Rule: judged only with at least {@value #MIN_VIEWS} browser views and a server figure above 0; the two
 * <b>agree</b> when browser / server is within {@value #TOLERANCE_PERCENT} % of 1; otherwise they <b>differ</b>,
 * and the row lists what the data shows about why: requests of the browser's view that no benchmark replays, the
 * JIT compilation still running during browser views, and whether the server figure lies inside the browser
 * figure's interval. <b>Not measured</b> when either figure is missing.
 */
public final class CpuAgreement {
    public static final String FLOW = Flows.REVISIT_COLD;
    public static final String PROFILE = "loopback";
    public static final int MIN_VIEWS = Verdict.MIN_PAIRS;
    public static final int TOLERANCE_PERCENT = 20;

    public enum Status {
        AGREES("agrees"),
        DIFFERS("differs"),
        TOO_FEW_VIEWS("not judged"),
        NOT_MEASURED("not measured");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One variant.
     *
     * @param variant  the variant label
     * @param views    browser views with {@code appCpuMs}
     * @param browser  their median app CPU, ms; null without views
     * @param interval bootstrap 95 % interval of that median; null without views
     * @param server   the server phase's page view; null when not measured
     * @param status   the verdict
     * @param why      the reason (for a difference: the numbers that bear on it)
     */
    public record Row(
            String variant,
            int views,
            Double browser,
            Interval interval,
            ServerPhaseCpu.View server,
            Status status,
            String why) {
        /** browser / server, null when either is missing or the server figure is 0. */
        public Double ratio() {
            return browser == null || server == null || server.appMs() <= 0 ? null : browser / server.appMs();
        }
    }

    private CpuAgreement() {}

    /** One row per variant of the run that has a page view in the server phase's list (ssr, csr, next-ssr, …). */
    public static List<Row> of(RunResults results) {
        ServerPhaseCpu serverPhase = ServerPhaseCpu.of(results.jmh());
        List<String> variants = results.samples().stream()
                .map(Sample::variant)
                .filter(ServerPhaseCpu.PAGE_VIEW::containsKey)
                .distinct()
                .sorted((a, b) -> order(a) - order(b))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (String variant : variants) {
            rows.add(row(results, variant, serverPhase));
        }
        return rows;
    }

    private static int order(String variant) {
        return new ArrayList<>(ServerPhaseCpu.PAGE_VIEW.keySet()).indexOf(variant);
    }

    static Row row(RunResults results, String variant, ServerPhaseCpu serverPhase) {
        List<Sample> views = results.samples().stream()
                .filter(s -> !s.warmup()
                        && s.ok()
                        && s.variant().equals(variant)
                        && s.flow().equals(FLOW)
                        && s.profile().equals(PROFILE)
                        && s.metrics().numberOrNull(Metric.APP_CPU_MS) != null)
                .toList();
        double[] cpu = views.stream()
                .mapToDouble(s -> s.metrics().numberOrNull(Metric.APP_CPU_MS))
                .toArray();
        Double browser = Quantiles.median(cpu);
        int[] blocks =
                views.stream().mapToInt(s -> s.block() == null ? 0 : s.block()).toArray();
        Interval interval = cpu.length == 0
                ? null
                : MedianInterval.of(cpu, blocks, results.run().seed() * 31 + ("cpu-agreement|" + variant).hashCode())
                        .interval();
        ServerPhaseCpu.View server = serverPhase.view(variant).orElse(null);
        if (browser == null || server == null) {
            List<String> missing = new ArrayList<>();
            if (browser == null) {
                missing.add("the browser phase has no per-iteration app CPU for " + FLOW + " on " + PROFILE);
            }
            if (server == null) {
                missing.add(serverPhase.missing(variant));
            }
            return new Row(
                    variant, cpu.length, browser, interval, server, Status.NOT_MEASURED, String.join("; ", missing));
        }
        if (cpu.length < MIN_VIEWS || server.appMs() <= 0) {
            return new Row(
                    variant,
                    cpu.length,
                    browser,
                    interval,
                    server,
                    Status.TOO_FEW_VIEWS,
                    server.appMs() <= 0
                            ? "the server phase measured 0 ms, so there is no ratio"
                            : cpu.length + " browser views, at least " + MIN_VIEWS + " needed to judge");
        }
        double ratio = browser / server.appMs();
        if (Math.abs(ratio - 1) * 100 <= TOLERANCE_PERCENT) {
            return new Row(
                    variant,
                    cpu.length,
                    browser,
                    interval,
                    server,
                    Status.AGREES,
                    "within " + TOLERANCE_PERCENT + " % (" + signedPercent(ratio) + ")");
        }
        return new Row(
                variant, cpu.length, browser, interval, server, Status.DIFFERS, why(views, browser, interval, server));
    }

    /** What the data shows about a difference, with its numbers. Plain text: the caller escapes it. */
    static String why(List<Sample> views, double browser, Interval interval, ServerPhaseCpu.View server) {
        double ratio = browser / server.appMs();
        List<String> reasons = new ArrayList<>();
        reasons.add("browser " + ServerPhaseCpu.ms(browser) + " against server " + ServerPhaseCpu.ms(server.appMs())
                + " per view (" + signedPercent(ratio) + ")");
        if (interval.low() <= server.appMs() && server.appMs() <= interval.high()) {
            reasons.add("the server figure lies inside the browser figure's 95 % interval ["
                    + ServerPhaseCpu.ms(interval.low()) + ", " + ServerPhaseCpu.ms(interval.high())
                    + "]: the difference is within the browser phase's sampling noise");
        } else {
            reasons.add("the server figure lies outside the browser figure's 95 % interval ["
                    + ServerPhaseCpu.ms(interval.low()) + ", " + ServerPhaseCpu.ms(interval.high()) + "]");
        }
        Map<String, Integer> extra = unreplayed(views, server);
        if (!extra.isEmpty()) {
            List<String> names = new ArrayList<>();
            extra.forEach((request, n) -> names.add(request + (n == views.size() ? "" : " (in " + n + " views)")));
            reasons.add(
                    "the browser's view also asked the app for what no benchmark replays: " + String.join(", ", names));
        }
        double[] jit = views.stream()
                .map(s -> s.metrics().numberOrNull(Metric.APP_JIT_MS))
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .toArray();
        if (jit.length > 0) {
            long compiling = Arrays.stream(jit).filter(v -> v > 0).count();
            reasons.add(
                    compiling == 0
                            ? "no JIT compilation ran in the app during the browser views"
                            : "the app's JIT compiler threads ran in " + compiling + " of " + jit.length
                                    + " browser views ("
                                    + ServerPhaseCpu.ms(Arrays.stream(jit).sum())
                                    + " in all, left out of both figures): its"
                                    + " code was still being compiled, so the views ran colder code than the benchmark's"
                                    + " back-to-back operations");
        }
        return String.join("; ", reasons);
    }

    /**
     * Requests of the browser's views to the app that the benchmarks do not replay, with the number of views that
     * made each: the benchmarks replay the document and, for CSR apps, its scripts.
     */
    static Map<String, Integer> unreplayed(List<Sample> views, ServerPhaseCpu.View server) {
        boolean scriptsReplayed = server.benchmarks().keySet().stream()
                .anyMatch(name -> name.endsWith(".mainBundle") || name.endsWith(".scripts"));
        Map<String, Integer> extra = new TreeMap<>();
        for (Sample s : views) {
            s.requests().stream()
                    .filter(r -> r.link() == NetworkLink.BROWSER_APP && !r.fromCache() && !r.preflight())
                    .filter(r -> !"Document".equals(r.resourceType())
                            && !(scriptsReplayed && "Script".equals(r.resourceType())))
                    .map(CpuAgreement::name)
                    .distinct()
                    .forEach(name -> extra.merge(name, 1, Integer::sum));
        }
        return extra;
    }

    private static String name(ObservedRequest r) {
        return r.method() + " " + r.path() + (r.resourceType() == null ? "" : " (" + r.resourceType() + ")");
    }

    /** A CPU figure per page view ("0.392 ms", "2.70 ms"). */
    public static String ms(double value) {
        return ServerPhaseCpu.ms(value);
    }

    /** browser / server as a signed percentage of the server figure: "+35 %", "−12 %". */
    static String signedPercent(double ratio) {
        double percent = (ratio - 1) * 100;
        return (percent < 0 ? "−" : "+") + String.format(Locale.ROOT, "%.0f", Math.abs(percent)) + " %";
    }
}
