package io.authbench.reports.stats;

import io.authbench.reports.results.Environment;
import io.authbench.reports.results.LinkSettings;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded model of one benchmark run with the noise seen between real runs on this machine (not a measurement):
 * every run draws a machine-speed factor (sd 10 % in log), every cell and every cell variant its own drift (sd 6 %
 * each), every pair a shared factor (8 %), every sample its own noise (12 %) and, 4 % of the time, a 1.5–3× outlier.
 * Two runs with different seeds are two runs of the same build; {@link #slowSsrDashboard} adds a fixed delay to the
 * SSR samples of the flows that end on the dashboard (login, revisit-cold), as a deliberately slower build would.
 *
 * <p>Cells: four flows × loopback and slow-4g, SSR and CSR, plus the A/A login cell per profile (the design of the
 * runs in which identical builds were reported "slower").
 */
final class RunToRunModel {
    static final List<String> FLOWS = List.of("login", "revisit-cold", "navigate", "logout");
    static final List<String> PROFILES = List.of("loopback", "slow-4g");
    static final List<String> DASHBOARD_FLOWS = List.of("login", "revisit-cold");

    private final int pairs;
    private double ssrDashboardDelayMs;

    RunToRunModel(int pairs) {
        this.pairs = pairs;
    }

    RunToRunModel slowSsrDashboard(double delayMs) {
        this.ssrDashboardDelayMs = delayMs;
        return this;
    }

    /** Typical time to content (ms) of a cell variant on a quiet machine. */
    static double typicalMs(String flow, String profile, String variant) {
        boolean ssr = variant.startsWith("ssr");
        boolean slow = profile.equals("slow-4g");
        return switch (flow) {
            case "login" -> slow ? (ssr ? 900 : 1_000) : (ssr ? 70 : 60);
            case "revisit-cold" -> slow ? (ssr ? 700 : 1_500) : (ssr ? 90 : 180);
            case "navigate" -> slow ? (ssr ? 450 : 190) : (ssr ? 60 : 10);
            case "logout" -> slow ? (ssr ? 600 : 420) : (ssr ? 40 : 30);
            default -> throw new IllegalArgumentException(flow);
        };
    }

    RunResults run(long seed) {
        Random random = new Random(seed);
        double machine = Math.exp(random.nextGaussian() * 0.10);
        List<Sample> samples = new ArrayList<>();
        for (String flow : FLOWS) {
            for (String profile : PROFILES) {
                cell(samples, random, machine, flow, profile, "ssr", "csr");
            }
        }
        for (String profile : PROFILES) {
            cell(samples, random, machine, "login", profile, "ssr-a", "ssr-b");
        }
        Run run = new Run(
                "model-" + seed,
                RunStatus.COMPLETE,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                seed,
                false,
                new RunConfig(FLOWS, PROFILES, pairs, 0, "login", Map.of(), Map.of()));
        Environment env = new Environment(
                "model", 2, 1L << 30, "Linux", "17", "156", "1.62", Map.of(), "0", Environment.EMULATOR, "1.6.0");
        LinkSettings none = new LinkSettings(0, 0, 0);
        List<ProfileInfo> profiles = PROFILES.stream()
                .map(name -> new ProfileInfo(name, "model", none, none, none, 1))
                .toList();
        return RunResults.start(run, env, profiles).withSamples(samples);
    }

    private void cell(
            List<Sample> out, Random random, double machine, String flow, String profile, String a, String b) {
        double cellDrift = Math.exp(random.nextGaussian() * 0.06);
        double driftA = Math.exp(random.nextGaussian() * 0.06);
        double driftB = Math.exp(random.nextGaussian() * 0.06);
        for (int pair = 0; pair < pairs; pair++) {
            double pairFactor = Math.exp(random.nextGaussian() * 0.08);
            double scale = machine * cellDrift * pairFactor;
            out.add(sample(random, flow, profile, a, pair, scale * driftA));
            out.add(sample(random, flow, profile, b, pair, scale * driftB));
        }
    }

    private Sample sample(Random random, String flow, String profile, String variant, int pair, double scale) {
        double noise = Math.exp(random.nextGaussian() * 0.12)
                * (random.nextDouble() < 0.04 ? 1.5 + random.nextDouble() * 1.5 : 1);
        double ms = typicalMs(flow, profile, variant) * scale * noise;
        if (variant.startsWith("ssr") && DASHBOARD_FLOWS.contains(flow)) {
            ms += ssrDashboardDelayMs;
        }
        return Sample.ok(
                flow,
                variant,
                profile,
                pair,
                0,
                Instant.EPOCH,
                Metrics.builder().set(Metric.TIME_TO_CONTENT_MS, ms).build(),
                List.of());
    }
}
