package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.plan.CellKey;
import io.authbench.harness.plan.StoppingRule;
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
import org.junit.jupiter.api.Test;

/** The stopping rule's input: the report's own comparisons of the samples so far, looked up by the plan's cell key. */
class CellPrecisionTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void a_cell_key_of_the_plan_finds_its_comparison_and_reports_pairs_and_half_width() {
        List<Sample> samples = new ArrayList<>();
        for (int pair = 0; pair < 8; pair++) {
            samples.add(sample("login", "ssr", pair, 0, 300 + pair).withBlock(pair / 4));
            samples.add(sample("login", "csr", pair, 1, 600 - pair).withBlock(pair / 4));
            samples.add(sample("login", "ssr-a", pair, 0, 300 + 3 * pair).withBlock(pair / 4));
            samples.add(sample("login", "ssr-b", pair, 1, 310 - pair).withBlock(pair / 4));
            samples.add(sample("no-js", "ssr", pair, 0, 200).withBlock(pair / 4));
            samples.add(Sample.ok(
                            "no-js",
                            "csr",
                            "loopback",
                            pair,
                            1,
                            T0,
                            Metrics.builder().set(Metric.REQUESTS, 1).build(),
                            List.of())
                    .withBlock(pair / 4));
        }
        CellPrecision precision = CellPrecision.of(results(samples));

        StoppingRule.Precision login = precision.of(new CellKey("LOGIN", "loopback", false));
        StoppingRule.Precision aa = precision.of(new CellKey("LOGIN", "loopback", true));
        StoppingRule.Precision noJs = precision.of(new CellKey("NO_JS", "loopback", false));

        assertThat(login.completePairs()).isEqualTo(8);
        assertThat(login.halfWidth()).isPositive().isLessThan(0.1);
        assertThat(aa.completePairs()).isEqualTo(8);
        assertThat(aa.halfWidth()).isGreaterThan(login.halfWidth());
        assertThat(noJs.completePairs())
                .as("CSR never shows the content without JavaScript")
                .isZero();
        assertThat(precision.of(new CellKey("GUARD", "loopback", false)).completePairs())
                .as("a cell without samples")
                .isZero();
    }

    private static Sample sample(String flow, String variant, int pair, int order, double ttc) {
        return Sample.ok(
                flow,
                variant,
                "loopback",
                pair,
                order,
                T0.plusSeconds(pair),
                Metrics.builder().set(Metric.TIME_TO_CONTENT_MS, ttc).build(),
                List.of());
    }

    private static RunResults results(List<Sample> samples) {
        LinkSettings none = new LinkSettings(0, 0, 0);
        Run run = new Run(
                "20261202T080000Z",
                RunStatus.RUNNING,
                null,
                T0,
                null,
                42L,
                false,
                new RunConfig(List.of("login", "no-js"), List.of("loopback"), 8, 1, "login", Map.of(), Map.of()));
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
                        run, environment, List.of(new ProfileInfo("loopback", "no added delay", none, none, none, 1.0)))
                .withSamples(samples);
    }
}
