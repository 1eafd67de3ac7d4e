package io.authbench.reports.calibration;

import java.time.Instant;
import java.util.List;

/**
 * The measured A/A false-positive rate of one machine (the file {@code scripts/aa-runs.sh} writes).
 *
 * @param schema         {@value #SCHEMA}
 * @param date           when the summary was made
 * @param commit         the AuthBench commit(s) the runs were made with, from their results.json ({@code unknown} if
 *                       none recorded one)
 * @param machine        where they ran (CPU, cores, memory, OS), from their results.json
 * @param command        how the runs were made, as the caller stated it (e.g. {@code scripts/aa-runs.sh 20})
 * @param settings       the A/A cells' settings, e.g. {@code login × loopback, 10 pairs, 0 warm-up, quick}
 * @param runs           usable runs: the denominator of the rate
 * @param falsePositives usable runs whose A/A interval excluded 1
 * @param rate           falsePositives / runs; null when no run was usable
 * @param rateLow        lower bound of the rate's exact binomial (Clopper–Pearson) 95 % interval; null likewise
 * @param rateHigh       upper bound of that interval; null likewise
 * @param notUsable      runs left out (no results.json, not complete, no A/A cell, no complete pair)
 * @param outcomes       every run, usable or not, in the order given
 */
public record AaCalibration(
        String schema,
        Instant date,
        String commit,
        String machine,
        String command,
        String settings,
        int runs,
        int falsePositives,
        Double rate,
        Double rateLow,
        Double rateHigh,
        int notUsable,
        List<AaRunOutcome> outcomes) {

    public static final String SCHEMA = "authbench-aa-calibration/1";
    /** Most runs one summary takes: 100 give the rate within about ±5 points; more is a different experiment. */
    public static final int MAX_RUNS = 100;

    public AaCalibration {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }
}
