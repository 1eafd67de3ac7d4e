package io.authbench.reports.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.golden.Golden;
import io.authbench.reports.stats.ReportModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryCsvTest {
    private static final List<String> LINES = SummaryCsv.csv(ReportModel.of(Golden.read("full-run"), null, null))
            .lines()
            .toList();

    @Test
    void there_is_one_row_per_cell_and_variant_after_the_header() {
        assertThat(LINES.get(0)).isEqualTo(SummaryCsv.HEADER);
        assertThat(LINES).hasSize(1 + 28 * 2 + 4 * 2);
    }

    @Test
    void a_row_carries_the_cell_statistics_and_the_quoted_verdict() {
        assertThat(LINES)
                .contains("login,slow-4g,csr,12,11,1,525.7,546.4,498.2,580.7,526.218,11,0.675047,0.648845,"
                        + "0.74664,0.000976563,exact,0.0117188,\"SSR faster by 32 % [25 %, 35 %]\"");
    }

    @Test
    void the_summary_is_recomputed_from_the_samples_not_taken_from_the_stored_cells() {
        var withoutCells = Golden.read("full-run").withCells(List.of());

        assertThat(SummaryCsv.csv(ReportModel.of(withoutCells, null, null))
                        .lines()
                        .toList())
                .isEqualTo(LINES);
    }

    @Test
    void text_that_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertThat(SummaryCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SummaryCsv.field("-12.5")).isEqualTo("-12.5");
        assertThat(SummaryCsv.field("plain")).isEqualTo("plain");
    }
}
