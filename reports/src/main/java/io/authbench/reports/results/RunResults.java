package io.authbench.reports.results;

import java.util.List;
import java.util.Objects;

/**
 * The whole of {@code results.json}: one benchmark run.
 *
 * @param schema      format version, {@link #SCHEMA} for files this code writes
 * @param run         identity, status and configuration of the run
 * @param environment machine, software versions and backend the numbers were measured on
 * @param profiles    the network/device profiles used (as configured)
 * @param links       link calibration: configured vs measured RTT and bandwidth, per profile and link
 * @param samples     every measured iteration, in the order it ran (warm-ups flagged, failures kept)
 * @param cells       per flow × profile × variant summaries, recomputed from {@code samples} on every write
 * @param incidents   run-level events a reader must know about (a child process died, a phase was skipped)
 * @param codeSize    development-complexity proxies: lines of code of each app's auth path (optional)
 * @param jmh         server-side micro-benchmarks (optional; empty when the phase did not run)
 * @param load        constant-rate load ladder (optional; empty when the phase did not run)
 */
public record RunResults(
        String schema,
        Run run,
        Environment environment,
        List<ProfileInfo> profiles,
        List<CalibratedLink> links,
        List<Sample> samples,
        List<CellSummary> cells,
        List<Incident> incidents,
        List<CodeSize> codeSize,
        List<JmhResult> jmh,
        List<LoadStep> load) {

    /** The version this code reads and writes. A reader refuses any other major version. */
    public static final String SCHEMA = "authbench-results/1";

    public RunResults {
        Objects.requireNonNull(schema, "\"schema\" is missing");
        Objects.requireNonNull(run, "\"run\" is missing");
        profiles = copy(profiles);
        links = copy(links);
        samples = copy(samples);
        cells = copy(cells);
        incidents = copy(incidents);
        codeSize = copy(codeSize);
        jmh = copy(jmh);
        load = copy(load);
    }

    /** A fresh, empty run as the harness starts it: status {@code running}, no samples yet. */
    public static RunResults start(Run run, Environment environment, List<ProfileInfo> profiles) {
        return new RunResults(
                SCHEMA,
                run,
                environment,
                profiles,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    public RunResults withRun(Run newRun) {
        return new RunResults(
                schema, newRun, environment, profiles, links, samples, cells, incidents, codeSize, jmh, load);
    }

    public RunResults withLinks(List<CalibratedLink> newLinks) {
        return new RunResults(
                schema, run, environment, profiles, newLinks, samples, cells, incidents, codeSize, jmh, load);
    }

    public RunResults withSamples(List<Sample> newSamples) {
        return new RunResults(
                schema, run, environment, profiles, links, newSamples, cells, incidents, codeSize, jmh, load);
    }

    public RunResults withCells(List<CellSummary> newCells) {
        return new RunResults(
                schema, run, environment, profiles, links, samples, newCells, incidents, codeSize, jmh, load);
    }

    public RunResults withIncidents(List<Incident> newIncidents) {
        return new RunResults(
                schema, run, environment, profiles, links, samples, cells, newIncidents, codeSize, jmh, load);
    }

    public RunResults withCodeSize(List<CodeSize> newCodeSize) {
        return new RunResults(
                schema, run, environment, profiles, links, samples, cells, incidents, newCodeSize, jmh, load);
    }

    public RunResults withJmh(List<JmhResult> newJmh) {
        return new RunResults(
                schema, run, environment, profiles, links, samples, cells, incidents, codeSize, newJmh, load);
    }

    public RunResults withLoad(List<LoadStep> newLoad) {
        return new RunResults(
                schema, run, environment, profiles, links, samples, cells, incidents, codeSize, jmh, newLoad);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
