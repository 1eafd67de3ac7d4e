package io.authbench.serverbench;

import io.authbench.reports.results.JmhResult;
import io.authbench.reports.results.LoadStep;
import io.authbench.serverbench.jmh.JmhSampleFigure;
import io.authbench.serverbench.load.LadderResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server-side phase measured. {@link #jmh()} and {@link #load()} map one to one onto the {@code jmh} and
 * {@code load} entries of results.json (docs/results-schema.md: per step errors by kind, CPU per page view, and on a
 * ladder's last step why it stopped); the ladders also keep the JIT share and the JMH sample percentiles, which
 * server-cost.json has.
 *
 * @param settings      what shaped the numbers ({@link ServerCostSettings#forResults()}), for {@code config.settings}
 * @param jmh           one entry per benchmark × mode × thread count that produced a result
 * @param jmhSamples    percentiles of the sample-time runs
 * @param ladders       one per variant ({@code ssr}, {@code csr}), in run order
 * @param notes         sentences a reader of the results needs (server flags that shape the numbers, failed
 *                      benchmarks, a ladder stopped by a fault); never secrets
 * @param jmhResultFile {@code jmh-result.json} relative to the run folder, null if JMH did not run
 */
public record ServerCostResult(
        Map<String, String> settings,
        List<JmhResult> jmh,
        List<JmhSampleFigure> jmhSamples,
        List<LadderResult> ladders,
        List<String> notes,
        String jmhResultFile) {
    public ServerCostResult {
        settings = Map.copyOf(settings);
        jmh = List.copyOf(jmh);
        jmhSamples = List.copyOf(jmhSamples);
        ladders = List.copyOf(ladders);
        notes = List.copyOf(notes);
    }

    /** Every ladder step of both variants as results.json {@code load} entries. */
    public List<LoadStep> load() {
        return ladders.stream().flatMap(l -> l.toLoadSteps().stream()).toList();
    }

    public Optional<LadderResult> ladder(String variant) {
        return ladders.stream().filter(l -> l.variant().equals(variant)).findFirst();
    }

    /**
     * CPU per page view (app + Appwrite, ms) of a variant, from the highest sustained step (the most page views over
     * which background work such as JIT compilation and GC is spread), else the first step; empty if not measured.
     */
    public Optional<Double> serverCpuPerPageViewMillis(String variant) {
        return ladder(variant)
                .flatMap(l -> l.steps().stream()
                        .filter(s -> l.highestSustainedPerSecond() != null
                                && s.outcome().settings().ratePerSecond() == l.highestSustainedPerSecond())
                        .findFirst()
                        .or(() -> l.steps().stream().findFirst()))
                .filter(s -> s.appCpuMsPerView() != null && s.appwriteCpuMsPerView() != null)
                .map(s -> s.appCpuMsPerView() + s.appwriteCpuMsPerView());
    }

    /** {@code quick}, {@code standard} or {@code full}. */
    public String settingsName() {
        return settings.getOrDefault("serverBench.settings", "custom");
    }

    /** Settings that shaped these numbers, for {@code run.config.settings} (strings, no secrets). */
    public Map<String, String> settingsForResults() {
        return settings;
    }
}
