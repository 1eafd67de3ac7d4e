package io.authbench.reports.stats;

import io.authbench.reports.results.CellSummaries;
import io.authbench.reports.results.CellSummary;
import io.authbench.reports.results.RunResults;
import java.util.HashMap;
import java.util.Map;
import io.authbench.reports.results.Sample;
import java.util.List;
import java.util.Optional;

/**
 * Everything the report shows, computed once from a run (and optionally a baseline run): the output stages only
 * format it.
 *
 * @param results       the run
 * @param cells         per flow × profile × variant summaries, recomputed from the samples (the stored ones are
 *                      not trusted; only their histogram file names are kept)
 * @param comparisons   SSR/CSR and A/A comparisons
 * @param claims        the eight claims with verdicts
 * @param roundTrips    median iteration per flow × profile × variant with the expected-time model
 * @param slowestProfile the profile used for waterfalls and the filmstrip
 * @param baseline      per-cell changes against the baseline, if one was given
 * @param baselineName  how to name the baseline (its file path and run id)
 */
public record ReportModel(
        RunResults results,
        List<CellSummary> cells,
        Comparisons.All comparisons,
        List<ClaimRow> claims,
        List<RoundTrips.Row> roundTrips,
        Optional<String> slowestProfile,
        Optional<BaselineComparison.Result> baseline,
        Optional<String> baselineName) {

    public static ReportModel of(RunResults results, RunResults baseline, String baselineName) {
        Comparisons.All comparisons = Comparisons.of(results);
        List<String> profilesWithSamples = results.samples().stream().filter(s -> !s.warmup())
                .map(Sample::profile).distinct().toList();
        Map<CellSummaries.Key, String> histograms = new HashMap<>();
        for (CellSummary stored : results.cells()) {
            if (stored.histogramFile() != null) {
                histograms.put(new CellSummaries.Key(stored.flow(), stored.profile(), stored.variant()), stored.histogramFile());
            }
        }
        return new ReportModel(results, CellSummaries.of(results.samples(), histograms), comparisons,
                Claims.of(results, comparisons.ssrCsr()),
                RoundTrips.of(results, comparisons.ssrCsr()),
                ProfileLookup.slowest(results, profilesWithSamples),
                Optional.ofNullable(baseline).map(b -> BaselineComparison.of(comparisons, b)),
                Optional.ofNullable(baseline == null ? null : baselineName));
    }

    /** Failed measured samples, in run order. */
    public List<Sample> failures() {
        return results.samples().stream().filter(s -> !s.ok()).toList();
    }
}
