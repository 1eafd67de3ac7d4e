package io.authbench.harness.apps;

import io.authbench.reports.results.CalibratedLink;
import io.authbench.reports.results.ResultsWriter;
import java.io.PrintWriter;
import java.util.List;

/**
 * What {@link ProfileApps#prepare} needs from the run.
 *
 * @param out             the console
 * @param writer          results.json (calibrated links, incidents)
 * @param calibrations    the links calibrated so far in the run (results.json keeps them all); appended to
 * @param quick           quick mode: fewer warm-up rounds and shorter calibration
 * @param warmupRounds    rounds of GETs per app
 * @param calibrateLinks  calibrate the profile's links; false in the later blocks of a run (docs/statistics.md#blocks):
 *                        their links are built from the same settings as the first block's, which were calibrated
 */
public record Preparation(
        PrintWriter out,
        ResultsWriter writer,
        List<CalibratedLink> calibrations,
        boolean quick,
        int warmupRounds,
        boolean calibrateLinks) {

    /** Links calibrated. */
    public Preparation(
            PrintWriter out, ResultsWriter writer, List<CalibratedLink> calibrations, boolean quick, int warmupRounds) {
        this(out, writer, calibrations, quick, warmupRounds, true);
    }
}
