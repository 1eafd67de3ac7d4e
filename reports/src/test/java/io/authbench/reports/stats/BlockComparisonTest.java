package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.html.FrameSource;
import io.authbench.reports.html.ReportPage;
import io.authbench.reports.results.BlockDesign;
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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A run split into blocks: the paired comparison resamples blocks, and the report says what its intervals cover. */
class BlockComparisonTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    /** The SSR/CSR ratio each block's pairs scatter around: a restart moved the whole block. */
    private static final double[] BLOCK_RATIOS = {0.55, 0.80, 0.62, 0.90};

    @Test
    void the_interval_of_a_run_in_blocks_covers_the_shift_between_blocks() {
        RunResults blocked = results(samples(true), new BlockDesign(6, 2, 4, 0.1));
        RunResults unblocked = results(samples(false), null);

        CellComparison withBlocks = Comparisons.of(blocked).ssrCsr().get(0);
        CellComparison pairsOnly = Comparisons.of(unblocked).ssrCsr().get(0);

        assertThat(withBlocks.blocks()).isEqualTo(4);
        assertThat(pairsOnly.blocks()).isEqualTo(1);
        assertThat(withBlocks.ratio()).isEqualTo(pairsOnly.ratio());
        assertThat(logWidth(withBlocks.interval())).isGreaterThan(1.5 * logWidth(pairsOnly.interval()));
        assertThat(withBlocks.pValue()).isGreaterThanOrEqualTo(withBlocks.test().pValue());
        assertThat(pairsOnly.pValue()).isEqualTo(pairsOnly.test().pValue());
        assertThat(pairsOnly.blockP()).isNaN();
    }

    @Test
    void the_report_says_what_an_interval_covers_and_how_cells_stopped() {
        RunResults blocked = results(samples(true), new BlockDesign(6, 2, 4, 0.1));
        RunResults unblocked = results(samples(false), null);

        assertThat(IntervalCoverage.describe(blocked))
                .contains("pairs within 4 blocks, stack restarted between blocks");
        assertThat(IntervalCoverage.describe(unblocked)).contains("records no blocks");
        assertThat(IntervalCoverage.stoppingRule(blocked))
                .contains("at least 2 blocks of 6 measured pairs")
                .contains("within ±0.1")
                .contains("more than 4 blocks (24 pairs)");
        assertThat(IntervalCoverage.stoppingRule(unblocked)).isNull();
        assertThat(IntervalCoverage.stoppingRule(blocked))
                .as("no no-js samples: nothing said about them")
                .doesNotContain("no-js");
        List<Sample> withNoJs = new ArrayList<>(samples(true));
        withNoJs.add(noJs("ssr", 0).withBlock(0));
        withNoJs.add(noJs("csr", 0).withBlock(0));
        assertThat(IntervalCoverage.stoppingRule(results(withNoJs, new BlockDesign(6, 2, 4, 0.1))))
                .contains("The no-js cells, which measure no time, ran 1 block.");
        assertThat(IntervalCoverage.stoppingRule(results(withNoJs, new BlockDesign(6, 4, 4, 0.1))))
                .as("the default design: as many blocks allowed as required")
                .contains("Sample size was fixed: every timed cell ran 4 blocks of 6 measured pairs (24 pairs;")
                .contains("decides only when more blocks are allowed than required")
                .contains("The no-js cells, which measure no time, ran 1 block.");
        assertThat(IntervalCoverage.stoppingRule(results(samples(true), new BlockDesign(6, 1, 1, 0.1))))
                .isNull();
        String page = ReportPage.html(ReportModel.of(blocked, null, null), FrameSource.none());
        assertThat(page)
                .contains("pairs within 4 blocks, stack restarted between blocks")
                .contains("24 in 4 blocks")
                .contains("Sample size was adaptive")
                .contains("12 to 24 pairs per cell");
    }

    /** 4 blocks × 6 pairs of login on loopback; without blocks, the same samples with no block recorded. */
    private static List<Sample> samples(boolean withBlocks) {
        SplittableRandom random = new SplittableRandom(21);
        List<Sample> samples = new ArrayList<>();
        for (int block = 0; block < BLOCK_RATIOS.length; block++) {
            for (int k = 0; k < 6; k++) {
                int pair = block * 6 + k;
                double csr = 400 + random.nextDouble() * 20;
                double ssr = csr * BLOCK_RATIOS[block] * (1 + (random.nextDouble() - 0.5) * 0.04);
                Sample s = sample("ssr", pair, 0, ssr);
                Sample c = sample("csr", pair, 1, csr);
                samples.add(withBlocks ? s.withBlock(block) : s);
                samples.add(withBlocks ? c.withBlock(block) : c);
            }
        }
        return samples;
    }

    private static Sample sample(String variant, int pair, int order, double ttc) {
        return Sample.ok(
                "login",
                variant,
                "loopback",
                pair,
                order,
                T0.plusSeconds(pair * 2L + order),
                Metrics.builder().set(Metric.TIME_TO_CONTENT_MS, ttc).build(),
                List.of());
    }

    /** A no-js sample: the check, no time to content. */
    private static Sample noJs(String variant, int pair) {
        return Sample.ok(
                "no-js",
                variant,
                "loopback",
                pair,
                variant.equals("ssr") ? 0 : 1,
                T0,
                Metrics.builder()
                        .set(Metric.CONTENT_WITHOUT_JS, variant.equals("ssr"))
                        .build(),
                List.of());
    }

    private static double logWidth(Interval interval) {
        return Math.log(interval.high()) - Math.log(interval.low());
    }

    private static RunResults results(List<Sample> samples, BlockDesign design) {
        LinkSettings none = new LinkSettings(0, 0, 0);
        RunConfig config = new RunConfig(List.of("login"), List.of("loopback"), 24, 1, null, Map.of(), Map.of());
        Run run = new Run(
                "20261202T080000Z",
                RunStatus.COMPLETE,
                null,
                T0,
                T0.plusSeconds(600),
                42L,
                false,
                design == null ? config : config.withBlocks(design));
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
