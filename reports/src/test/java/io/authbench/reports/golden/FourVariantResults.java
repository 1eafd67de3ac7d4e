package io.authbench.reports.golden;

import io.authbench.reports.results.CellSummaries;
import io.authbench.reports.results.CodeSize;
import io.authbench.reports.results.Environment;
import io.authbench.reports.results.JmhResult;
import io.authbench.reports.results.LinkSettings;
import io.authbench.reports.results.LoadStep;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Variants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hand-made four-variant run whose paired ratios are known in closed form, for the tests of the pattern and
 * framework effects. Per cell and pair number k, with base_k = 100·(k+1) ms (a wide spread, so that pairing the
 * wrong samples would change every ratio):
 * <ul>
 *   <li>ssr = base_k, csr = 2·base_k·H[k]: Undertow SSR/CSR = 1/(2·H[k]) (SSR faster);</li>
 *   <li>next-ssr = 3·base_k·F[k]: Next.js/Undertow for SSR = 3·F[k] (Undertow faster);</li>
 *   <li>next-csr = 1.5·base_k·G[k]: Next.js/Undertow for CSR = 0.75·G[k]/H[k] (Next.js faster), and Next.js
 *       SSR/CSR = 2·F[k]/G[k] (CSR faster).</li>
 * </ul>
 * Flows: {@code revisit-cold} for all four variants; {@link #UNDERTOW_ONLY_FLOW} (a hostile name) only for the Undertow
 * pair, as when the Next.js apps skip a flow. In {@code revisit-cold × slow-4g} the next-ssr sample of pair
 * {@link #FAILED_PAIR} failed (with a hostile reason). Profiles {@code loopback} and {@code slow-4g}; an A/A cell on
 * revisit-cold × loopback.
 */
public final class FourVariantResults {
    public static final String HOSTILE = "<img src=x onerror=alert(1)>\"'&";
    public static final String UNDERTOW_ONLY_FLOW = "navigate" + HOSTILE;
    public static final int PAIRS = 8;
    public static final int FAILED_PAIR = 3;
    public static final double[] F = {1.0, 1.1, 0.9, 1.2, 0.8, 1.05, 0.95, 1.15};
    public static final double[] G = {1.02, 0.97, 1.04, 0.99, 1.01, 0.96, 1.03, 0.98};
    public static final double[] H = {1.01, 0.99, 1.03, 0.97, 1.02, 0.98, 1.04, 0.96};
    public static final long SEED = 42L;
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    private FourVariantResults() {}

    public static double base(int k) {
        return 100.0 * (k + 1);
    }

    /** Time to content of {@code variant} in pair k. */
    public static double time(String variant, int k) {
        return switch (variant) {
            case Variants.SSR, Variants.SSR_A -> base(k);
            case Variants.SSR_B -> base(k) * (k % 2 == 0 ? 1.01 : 0.99);
            case Variants.CSR -> 2 * base(k) * H[k];
            case Variants.NEXT_SSR -> 3 * base(k) * F[k];
            case Variants.NEXT_CSR -> 1.5 * base(k) * G[k];
            default -> throw new IllegalArgumentException(variant);
        };
    }

    public static RunResults run() {
        List<Sample> samples = new ArrayList<>();
        int second = 0;
        for (String profile : List.of("loopback", "slow-4g")) {
            for (String flow : List.of("revisit-cold", UNDERTOW_ONLY_FLOW)) {
                boolean nextjs = flow.equals("revisit-cold");
                for (int k = 0; k < PAIRS; k++) {
                    // As the harness runs them: the Undertow pair, then the Next.js pair, order alternating per k.
                    List<String> undertow =
                            k % 2 == 0 ? List.of(Variants.SSR, Variants.CSR) : List.of(Variants.CSR, Variants.SSR);
                    List<String> next = k % 2 == 0
                            ? List.of(Variants.NEXT_CSR, Variants.NEXT_SSR)
                            : List.of(Variants.NEXT_SSR, Variants.NEXT_CSR);
                    for (List<String> pair : nextjs ? List.of(undertow, next) : List.of(undertow)) {
                        for (int order = 0; order < 2; order++) {
                            String variant = pair.get(order);
                            Instant at = T0.plusSeconds(second++);
                            if (variant.equals(Variants.NEXT_SSR) && profile.equals("slow-4g") && k == FAILED_PAIR) {
                                samples.add(Sample.failed(
                                        flow,
                                        variant,
                                        profile,
                                        k,
                                        order,
                                        at,
                                        "console error: " + HOSTILE,
                                        Metrics.builder()
                                                .set(Metric.REQUESTS, 2)
                                                .build()));
                            } else {
                                samples.add(Sample.ok(
                                        flow, variant, profile, k, order, at, metrics(variant, k), List.of()));
                            }
                        }
                    }
                }
            }
        }
        for (int k = 0; k < PAIRS; k++) {
            samples.add(Sample.ok(
                    "revisit-cold",
                    Variants.SSR_A,
                    "loopback",
                    k,
                    0,
                    T0.plusSeconds(second++),
                    metrics(Variants.SSR_A, k),
                    List.of()));
            samples.add(Sample.ok(
                    "revisit-cold",
                    Variants.SSR_B,
                    "loopback",
                    k,
                    1,
                    T0.plusSeconds(second++),
                    metrics(Variants.SSR_B, k),
                    List.of()));
        }
        LinkSettings none = new LinkSettings(0, 0, 0);
        LinkSettings mobile = new LinkSettings(150, 1_600_000, 750_000);
        Run run = new Run(
                "four-variants",
                RunStatus.COMPLETE,
                null,
                T0,
                T0.plusSeconds(second),
                SEED,
                true,
                new RunConfig(
                        List.of("revisit-cold", UNDERTOW_ONLY_FLOW),
                        List.of("loopback", "slow-4g"),
                        PAIRS,
                        0,
                        "revisit-cold",
                        Map.of("iteration", 30_000L),
                        Map.of("browser", "/usr/lib/chromium/chromium"),
                        Map.of(),
                        List.of(Variants.SSR, Variants.CSR, Variants.NEXT_SSR, Variants.NEXT_CSR),
                        Map.of()));
        Environment environment = new Environment(
                "Test CPU",
                2,
                8L << 30,
                "Linux",
                "OpenJDK 17",
                "156",
                "1.62.0",
                Map.of(),
                "abc1234",
                Environment.EMULATOR,
                "1.6.0");
        return RunResults.start(
                        run,
                        environment,
                        List.of(
                                new ProfileInfo("loopback", "no added delay", none, none, none, 1.0),
                                new ProfileInfo(
                                        "slow-4g",
                                        "slow mobile network",
                                        mobile,
                                        mobile,
                                        new LinkSettings(2, 0, 0),
                                        4.0)))
                .withSamples(samples)
                .withCells(CellSummaries.of(samples, Map.of()))
                .withCodeSize(List.of(
                        new CodeSize(Variants.SSR, List.of("ssr-app/src/main/java/A.java"), 214),
                        new CodeSize(Variants.CSR, List.of("csr-app/src/main/web/auth.js"), 131)))
                .withJmh(List.of(new JmhResult(
                        "NextPages.dashboard",
                        Variants.NEXT_SSR,
                        "thrpt",
                        1,
                        0.16,
                        0.01,
                        "ops/ms",
                        Map.of(),
                        7.5,
                        0.2)))
                .withLoad(List.of(new LoadStep(
                        Variants.NEXT_SSR,
                        "GET /dashboard",
                        100,
                        99.0,
                        3000,
                        0,
                        5.0,
                        8.0,
                        20.0,
                        30.0,
                        40.0,
                        null,
                        Map.of(),
                        Map.of(),
                        7.5,
                        0.2,
                        true,
                        null)));
    }

    private static Metrics metrics(String variant, int k) {
        return Metrics.builder()
                .set(Metric.TIME_TO_CONTENT_MS, time(variant, k))
                .set(Metric.REQUESTS, 3)
                .build();
    }

    /** The same run without the Next.js pair, as a two-variant run of this version records it. */
    public static RunResults undertowOnly() {
        RunResults all = run();
        List<Sample> samples = all.samples().stream()
                .filter(s -> Variants.framework(s.variant()).equals(Variants.UNDERTOW))
                .toList();
        RunConfig c = all.run().config();
        Run run = all.run();
        return all.withSamples(samples)
                .withCells(CellSummaries.of(samples, Map.of()))
                .withJmh(List.of())
                .withLoad(List.of())
                .withRun(new Run(
                        run.id(),
                        run.status(),
                        null,
                        run.startedAt(),
                        run.finishedAt(),
                        run.seed(),
                        run.quick(),
                        new RunConfig(
                                c.flows(),
                                c.profiles(),
                                c.pairs(),
                                c.warmupPairs(),
                                c.aaFlow(),
                                c.timeoutsMs(),
                                c.settings(),
                                c.skippedFlows())));
    }
}
