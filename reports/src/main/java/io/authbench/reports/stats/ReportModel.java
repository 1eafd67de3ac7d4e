package io.authbench.reports.stats;

import io.authbench.reports.results.CellSummaries;
import io.authbench.reports.results.CellSummary;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Variants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * @param fourVariants  for a run that measured the Next.js pair too: the pattern and framework effects and the
 *                      Next.js claim verdicts; empty for a two-variant run. In a four-variant run
 *                      {@code comparisons.ssrCsr()} and {@code claims} are the Undertow pair's, Holm-corrected in the
 *                      pattern-effect family of both frameworks; round trips and baseline rows cover both pairs
 */
public record ReportModel(
        RunResults results,
        List<CellSummary> cells,
        Comparisons.All comparisons,
        List<ClaimRow> claims,
        List<RoundTrips.Row> roundTrips,
        Optional<String> slowestProfile,
        Optional<BaselineComparison.Result> baseline,
        Optional<String> baselineName,
        Optional<FourVariants> fourVariants) {

    public static ReportModel of(RunResults results, RunResults baseline, String baselineName) {
        Comparisons.All comparisons = Comparisons.of(results);
        Optional<FourVariants> four = FourVariants.of(results);
        List<CellComparison> withNextjs = new ArrayList<>(comparisons.ssrCsr());
        if (four.isPresent()) {
            // One pattern-effect family across both frameworks: Undertow's cells carry the same Holm p everywhere.
            comparisons = new Comparisons.All(four.get().effects().patternIn(Variants.UNDERTOW), comparisons.aa());
            withNextjs = new ArrayList<>(comparisons.ssrCsr());
            withNextjs.addAll(four.get().effects().patternIn(Variants.NEXTJS));
        }
        List<String> profilesWithSamples = results.samples().stream()
                .filter(s -> !s.warmup())
                .map(Sample::profile)
                .distinct()
                .toList();
        Map<CellSummaries.Key, String> histograms = new HashMap<>();
        for (CellSummary stored : results.cells()) {
            if (stored.histogramFile() != null) {
                histograms.put(
                        new CellSummaries.Key(stored.flow(), stored.profile(), stored.variant()),
                        stored.histogramFile());
            }
        }
        Comparisons.All all = comparisons;
        return new ReportModel(
                results,
                CellSummaries.of(results.samples(), histograms),
                comparisons,
                Claims.of(results, comparisons.ssrCsr(), Claims.family(withNextjs)),
                RoundTrips.of(results, withNextjs),
                ProfileLookup.slowest(results, profilesWithSamples),
                Optional.ofNullable(baseline).map(b -> FrameworkBaseline.of(results, all, b)),
                Optional.ofNullable(baseline == null ? null : baselineName),
                four);
    }

    /** Failed measured samples, in run order. */
    public List<Sample> failures() {
        return results.samples().stream().filter(s -> !s.ok()).toList();
    }
}
