package io.authbench.reports.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AaCalibrationsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T18:00:00Z");

    @TempDir
    Path dir;

    @Test
    void the_rate_counts_usable_runs_whose_aa_interval_excluded_1_with_its_exact_interval() {
        List<AaCalibrations.Input> runs = List.of(
                new AaCalibrations.Input("run-01", AaRuns.aaRun("r1", 1.0), null),
                new AaCalibrations.Input("run-02", AaRuns.aaRun("r2", 1.5), null),
                new AaCalibrations.Input("run-03", AaRuns.aaRun("r3", 1.0), null),
                new AaCalibrations.Input("run-04", null, "run-04/results.json: no such file"),
                new AaCalibrations.Input("run-05", AaRuns.run("r5", 1.0, null, RunStatus.COMPLETE, "abc1234"), null),
                new AaCalibrations.Input(
                        "run-06", AaRuns.run("r6", 1.0, "login", RunStatus.INTERRUPTED, "abc1234"), null));

        AaCalibration c = AaCalibrations.summarize(runs, "scripts/aa-runs.sh 6", NOW);

        assertThat(c.schema()).isEqualTo(AaCalibration.SCHEMA);
        assertThat(c.date()).isEqualTo(NOW);
        assertThat(c.command()).isEqualTo("scripts/aa-runs.sh 6");
        assertThat(c.runs()).isEqualTo(3);
        assertThat(c.falsePositives()).isEqualTo(1);
        assertThat(c.rate()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(c.rateLow()).isCloseTo(0.008403759, within(1e-6));
        assertThat(c.rateHigh()).isCloseTo(0.905700676, within(1e-6));
        assertThat(c.notUsable()).isEqualTo(3);
        assertThat(c.commit()).isEqualTo("abc1234");
        assertThat(c.machine()).isEqualTo("Test CPU, 2 cores, 1.0 GiB, Linux");
        assertThat(c.settings()).isEqualTo("login × loopback, 10 pairs, 0 warm-up, quick");

        assertThat(c.outcomes())
                .extracting(AaRunOutcome::run)
                .containsExactly("run-01", "run-02", "run-03", "run-04", "run-05", "run-06");
        AaRunOutcome contained = c.outcomes().get(0);
        assertThat(contained.containsOne()).isTrue();
        assertThat(contained.falsePositive()).isFalse();
        assertThat(contained.pairs()).isEqualTo(AaRuns.PAIRS);
        assertThat(contained.low()).isLessThanOrEqualTo(1.0);
        assertThat(contained.high()).isGreaterThanOrEqualTo(1.0);
        AaRunOutcome excluded = c.outcomes().get(1);
        assertThat(excluded.falsePositive()).isTrue();
        assertThat(excluded.ratio()).isCloseTo(1.5, within(0.1));
        assertThat(excluded.low()).isGreaterThan(1.0);
        assertThat(c.outcomes().get(3).notUsable()).isEqualTo("run-04/results.json: no such file");
        assertThat(c.outcomes().get(4).notUsable()).isEqualTo("no A/A cell (run with --aa-flow=FLOW)");
        assertThat(c.outcomes().get(5).notUsable()).isEqualTo("the run is interrupted, not complete");
    }

    @Test
    void no_usable_run_gives_no_rate() {
        AaCalibration c =
                AaCalibrations.summarize(List.of(new AaCalibrations.Input("x", null, "x: broken")), "cmd", NOW);
        assertThat(c.runs()).isZero();
        assertThat(c.rate()).isNull();
        assertThat(c.rateLow()).isNull();
        assertThat(c.notUsable()).isEqualTo(1);
        assertThat(c.commit()).isEqualTo("unknown");
    }

    @Test
    void run_folders_are_read_and_a_missing_results_file_is_a_reason_not_an_error() throws Exception {
        Path good = Files.createDirectories(dir.resolve("run-01"));
        ResultsJson.writeAtomically(AaRuns.aaRun("r1", 1.0), good.resolve("results.json"));
        Path empty = Files.createDirectories(dir.resolve("run-02"));

        List<AaCalibrations.Input> inputs = AaCalibrations.read(List.of(good, empty));

        assertThat(inputs.get(0).results().run().id()).isEqualTo("r1");
        assertThat(inputs.get(1).results()).isNull();
        assertThat(inputs.get(1).unreadable()).contains("run-02");
    }
}
