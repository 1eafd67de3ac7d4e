package io.authbench.reports.calibration;

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

/**
 * Small A/A runs whose outcome is known by construction: {@code aaRun(id, factor)} has one SSR/CSR login cell and the
 * A/A login cell on loopback, 10 pairs; in the A/A cell SSR-A takes {@code factor} times SSR-B, with a per-pair wobble
 * of ±5 % that alternates in sign. Factor 1: the interval contains 1. Factor 1.5: every pair is about 1.5, so it
 * excludes 1.
 */
public final class AaRuns {
    static final int PAIRS = 10;

    private AaRuns() {}

    public static RunResults aaRun(String id, double factor) {
        return run(id, factor, "login", RunStatus.COMPLETE, "abc1234");
    }

    static RunResults run(String id, double factor, String aaFlow, RunStatus status, String commit) {
        List<Sample> samples = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            double wobble = pair % 2 == 0 ? 1.05 : 1 / 1.05;
            samples.add(sample("login", "ssr", pair, 0, 80));
            samples.add(sample("login", "csr", pair, 1, 70));
            if (aaFlow != null) {
                samples.add(sample(aaFlow, "ssr-a", pair, 0, 100 * factor * wobble));
                samples.add(sample(aaFlow, "ssr-b", pair, 1, 100));
            }
        }
        Run run = new Run(
                id,
                status,
                status == RunStatus.COMPLETE ? null : "stopped",
                Instant.EPOCH,
                Instant.EPOCH,
                1,
                true,
                new RunConfig(List.of("login"), List.of("loopback"), PAIRS, 0, aaFlow, Map.of(), Map.of()));
        Environment env = new Environment(
                "Test CPU", 2, 1L << 30, "Linux", "17", "156", "1.62", Map.of(), commit, Environment.EMULATOR, null);
        LinkSettings none = new LinkSettings(0, 0, 0);
        return RunResults.start(run, env, List.of(new ProfileInfo("loopback", "test", none, none, none, 1)))
                .withSamples(samples);
    }

    private static Sample sample(String flow, String variant, int pair, int order, double ms) {
        return Sample.ok(
                flow,
                variant,
                "loopback",
                pair,
                order,
                Instant.EPOCH,
                Metrics.builder().set(Metric.TIME_TO_CONTENT_MS, ms).build(),
                List.of());
    }
}
