package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.golden.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {
    private static final List<BaselineComparison.Row> ROWS =
            BaselineComparison.of(Golden.read("full-run"), Golden.read("baseline-run"));

    @Test
    void every_cell_variant_of_the_current_run_gets_a_row() {
        // 28 SSR/CSR cells + 4 A/A cells, two variants each
        assertThat(ROWS).hasSize(64);
    }

    @Test
    void cells_missing_from_the_baseline_say_so() {
        assertThat(ROWS.stream().filter(r -> r.flow().equals("navigate")))
                .allSatisfy(r -> assertThat(r.sentence()).isEqualTo("not in the baseline run"));
    }

    @Test
    void a_run_compared_with_itself_shows_no_change_anywhere() {
        var run = Golden.read("full-run");
        assertThat(BaselineComparison.of(run, run)).allSatisfy(r -> assertThat(r.sentence())
                .isIn("no significant change", "too few ok samples to compare (need 3 in each run)"));
    }

    @Test
    void same_design_runs_with_other_seeds_mostly_show_no_change() {
        long compared = ROWS.stream().filter(r -> r.ratio() != null).count();
        long unchanged = ROWS.stream().filter(r -> r.sentence().equals("no significant change")).count();
        assertThat(compared).isEqualTo(24); // login and revisit-cold (16) + A/A login (8)
        assertThat(unchanged).isGreaterThanOrEqualTo(compared - 3);
    }
}
