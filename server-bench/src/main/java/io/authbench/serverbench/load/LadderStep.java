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
 * @param appCpuMsPerView      app process CPU per successful page view, JIT compilation apart; null if not measured
 * @param appwriteCpuMsPerView Appwrite process CPU per successful page view, JIT compilation apart; null if not
 *                             measured
 * @param appJitMsPerView      the app's JIT compiler threads per successful page view; null if not measured
 * @param appwriteJitMsPerView Appwrite's JIT compiler threads per successful page view; null if not measured
 * @param histogramFile        the step's HdrHistogram log relative to the run folder, null if not written
 * @param sustained            whether the ladder counted the step as sustained (see {@link LoadLadder})
 */
public record LadderStep(
        String variant,
        String target,
        LoadOutcome outcome,
        Double appCpuMsPerView,
        Double appwriteCpuMsPerView,
        Double appJitMsPerView,
        Double appwriteJitMsPerView,
        String histogramFile,
        boolean sustained) {

    /** A step before the ladder has judged it (not sustained). */
    public LadderStep(
            String variant,
            String target,
            LoadOutcome outcome,
            Double appCpuMsPerView,
            Double appwriteCpuMsPerView,
            Double appJitMsPerView,
            Double appwriteJitMsPerView,
            String histogramFile) {
        this(
                variant,
                target,
                outcome,
                appCpuMsPerView,
                appwriteCpuMsPerView,
                appJitMsPerView,
                appwriteJitMsPerView,
                histogramFile,
                false);
    }

    LadderStep asSustained() {
        return new LadderStep(
                variant,
                target,
                outcome,
                appCpuMsPerView,
                appwriteCpuMsPerView,
                appJitMsPerView,
                appwriteJitMsPerView,
                histogramFile,
                true);
    }

    /** This step as the {@code load} entry of results.json (docs/results-schema.md), without a stop reason. */
    public LoadStep toLoadStep() {
        Map<String, String> firstErrors = new TreeMap<>();
        outcome.firstErrors().forEach((kind, message) -> firstErrors.put(kind.key(), message));
        return new LoadStep(
                variant,
                target,
                outcome.settings().ratePerSecond(),
                outcome.achievedPerSecond(),
                outcome.sent(),
                outcome.errorCount(),
                outcome.percentileMillis(50),
                outcome.percentileMillis(90),
                outcome.percentileMillis(99),
                outcome.percentileMillis(99.9),
                outcome.maxMillis(),
                histogramFile,
                errorsByKind(),
                firstErrors,
                appCpuMsPerView,
                appwriteCpuMsPerView,
                sustained,
                null);
    }

    /** Errors by kind with lower-case keys ({@code refused}, {@code reset}, {@code timeout}, {@code http_status}, ...). */
    public Map<String, Long> errorsByKind() {
        Map<String, Long> byKey = new TreeMap<>();
        outcome.errors().forEach((kind, count) -> byKey.put(kind.key(), count));
        return byKey;
    }
}
