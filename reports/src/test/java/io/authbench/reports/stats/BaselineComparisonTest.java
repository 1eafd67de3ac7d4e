package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.golden.Golden;
import io.authbench.reports.results.RunResults;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {
    private static final BaselineComparison.Result RESULT =
            BaselineComparison.of(Golden.read("full-run"), Golden.read("baseline-run"));

    @Test
    void every_cell_variant_and_every_cell_of_the_current_run_gets_a_row() {
        // 28 SSR/CSR cells + 4 A/A cells, two variants each; one ratio row per cell
        assertThat(RESULT.rows()).hasSize(64);
        assertThat(RESULT.ratioRows()).hasSize(32);
    }

    @Test
    void cells_missing_from_the_baseline_say_so() {
        assertThat(RESULT.rows().stream().filter(r -> r.flow().equals("navigate")))
                .allSatisfy(r -> assertThat(r.sentence()).isEqualTo("not in the baseline run"));
        assertThat(RESULT.ratioRows().stream().filter(r -> r.flow().equals("navigate")))
                .allSatisfy(r -> assertThat(r.sentence()).isEqualTo("not in the baseline run"));
    }

    @Test
    void a_run_compared_with_itself_shows_no_change_anywhere() {
        var run = Golden.read("full-run");
        BaselineComparison.Result same = BaselineComparison.of(run, run);
        assertThat(same.times().common()).isEqualTo(1.0);
        assertThat(Stream.concat(
                        same.rows().stream().map(BaselineComparison.Row::sentence),
                        same.ratioRows().stream().map(BaselineComparison.RatioRow::sentence)))
                .allSatisfy(s -> assertThat(s)
                        .isIn(
                                BaselineComparison.NO_CHANGE,
                                "too few ok samples to compare (need 3 in each run)",
                                "too few complete pairs to compare (need 3 in each run)"));
    }

    @Test
    void same_design_runs_with_other_seeds_show_no_change() {
        long compared = RESULT.rows().stream().filter(r -> r.ratio() != null).count();
        assertThat(compared).isEqualTo(24); // login and revisit-cold (16) + A/A login (8)
        assertThat(RESULT.count("slower") + RESULT.count("faster") + RESULT.count("ratio"))
                .isZero();
    }

    /**
     * Many pairs of runs of the same build, drawn from a model with machine-speed and per-cell drift between runs:
     * at least 95 % of all judged cells must come out "no significant change" (the old per-cell bootstrap test,
     * with neither the drift nor a correction for the number of cells, flagged about half of them on this model).
     */
    /** 100 × 30 judged cells: enough to tell 5 % from the 48 % of the old code; 200 take twice the time. */
    private static final int COMPARISONS = 100;

    @Test
    void identical_builds_come_out_unchanged_in_at_least_95_percent_of_cells() {
        RunToRunModel model = new RunToRunModel(10);
        int judged = 0;
        int changed = 0;
        for (int i = 0; i < COMPARISONS; i++) {
            RunResults before = model.run(1_000 + i);
            RunResults now = model.run(5_000 + i);
            BaselineComparison.Result r = BaselineComparison.of(now, before);
            assertThat(r.times().judgeable()).isTrue();
            judged += r.rows().size() + r.ratioRows().size();
            changed += (int) (r.count("slower") + r.count("faster") + r.count("ratio"));
        }
        assertThat(judged).isEqualTo(COMPARISONS * (20 + 10));
        assertThat((double) changed / judged).isLessThanOrEqualTo(0.05);
    }

    /**
     * A build whose SSR dashboard is 50 ms slower (+55 % to +70 % on the loopback cells, +5 % on slow-4g): found, as a
     * slower SSR time or a higher SSR/CSR ratio in a flow that ends on the dashboard, in most comparisons, and
     * nothing it did not touch is called slower. Not in all: the model's drift between runs (±12 % per cell, as
     * measured on this machine) hides a change of that size in about one comparison in three (docs/statistics.md).
     */
    @Test
    void a_50_ms_slower_ssr_dashboard_is_found() {
        RunToRunModel same = new RunToRunModel(10);
        RunToRunModel slower = new RunToRunModel(10).slowSsrDashboard(50);
        int found = 0;
        int wrong = 0;
        int runs = 40;
        for (int i = 0; i < runs; i++) {
            BaselineComparison.Result r = BaselineComparison.of(slower.run(5_000 + i), same.run(1_000 + i));
            boolean inTimes = r.rows().stream()
                    .anyMatch(row -> row.sentence().startsWith("slower")
                            && row.variant().equals("ssr")
                            && RunToRunModel.DASHBOARD_FLOWS.contains(row.flow()));
            boolean inRatios = r.ratioRows().stream()
                    .anyMatch(row -> row.sentence().startsWith("ratio up")
                            && row.pairName().equals("SSR/CSR")
                            && RunToRunModel.DASHBOARD_FLOWS.contains(row.flow()));
            found += inTimes || inRatios ? 1 : 0;
            wrong += (int) r.rows().stream()
                    .filter(row -> row.sentence().startsWith("slower")
                            && !(row.variant().startsWith("ssr") && RunToRunModel.DASHBOARD_FLOWS.contains(row.flow())))
                    .count();
            wrong += (int) r.ratioRows().stream()
                    .filter(row -> row.sentence().startsWith("ratio down"))
                    .count();
        }
        assertThat(found).isGreaterThanOrEqualTo(runs / 2);
        assertThat(wrong).isLessThanOrEqualTo(runs / 20);
    }

    /** A 150 ms slower SSR dashboard (2× to 3× on loopback) is found every time, in both tables. */
    @Test
    void a_large_slowdown_is_always_found() {
        RunToRunModel same = new RunToRunModel(10);
        RunToRunModel slower = new RunToRunModel(10).slowSsrDashboard(150);
        for (int i = 0; i < 10; i++) {
            BaselineComparison.Result r = BaselineComparison.of(slower.run(5_000 + i), same.run(1_000 + i));
            assertThat(r.rows())
                    .anySatisfy(row -> assertThat(row)
                            .extracting(BaselineComparison.Row::variant, BaselineComparison.Row::profile)
                            .containsExactly("ssr", "loopback")
                            .satisfies(x -> assertThat(row.sentence()).startsWith("slower by")));
            assertThat(r.ratioRows()).anySatisfy(row -> {
                assertThat(row.pairName()).isEqualTo("SSR/CSR");
                assertThat(row.profile()).isEqualTo("loopback");
                assertThat(row.sentence()).startsWith("ratio up by");
            });
        }
    }

    @Test
    void too_few_cells_are_not_judged() {
        ChangeFamily.Result r =
                ChangeFamily.of(List.of(new ChangeFamily.Input(0.5, 0.01), new ChangeFamily.Input(0, 0.01)), true);
        assertThat(r.judgeable()).isFalse();
    }
}
