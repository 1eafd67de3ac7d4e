package io.authbench.serverbench.load;

import io.authbench.reports.results.LoadStep;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measured step of the ladder.
 *
 * @param variant              {@code ssr} or {@code csr}
 * @param target               what a page view requests
 * @param outcome              the constant-rate run
 * @param appCpuMsPerView      app process CPU per successful page view, null if not measured
 * @param appwriteCpuMsPerView Appwrite process CPU per successful page view, null if not measured
 * @param histogramFile        the step's HdrHistogram log relative to the run folder, null if not written
 */
public record LadderStep(String variant, String target, LoadOutcome outcome, Double appCpuMsPerView,
                         Double appwriteCpuMsPerView, String histogramFile) {

    /** This step as the {@code load} entry of results.json (docs/results-schema.md). */
    public LoadStep toLoadStep() {
        return new LoadStep(variant, target, outcome.settings().ratePerSecond(), outcome.achievedPerSecond(),
                outcome.sent(), outcome.errorCount(), outcome.percentileMillis(50), outcome.percentileMillis(90),
                outcome.percentileMillis(99), outcome.percentileMillis(99.9), outcome.maxMillis(), histogramFile);
    }

    /** Errors by kind with lower-case keys ({@code refused}, {@code reset}, {@code timeout}, {@code http_status}, ...). */
    public Map<String, Long> errorsByKind() {
        Map<String, Long> byKey = new TreeMap<>();
        outcome.errors().forEach((kind, count) -> byKey.put(kind.key(), count));
        return byKey;
    }
}
