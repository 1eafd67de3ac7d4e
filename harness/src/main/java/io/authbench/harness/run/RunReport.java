package io.authbench.harness.run;

import io.authbench.reports.ReportMain;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The report step at the end of {@code authbench run}: report.html and summary.csv in the run folder, written by the
 * reports module's CLI ({@code authbench report DIR}), the one code path every way of running AuthBench uses
 * ({@code mvn verify -Pbench} runs {@code authbench run}). It prints the files' paths.
 */
final class RunReport {
    private RunReport() {}

    /** Writes the report of {@code runFolder}; true if it was written (else the reason was printed on {@code err}). */
    static boolean write(Path runFolder, PrintWriter out, PrintWriter err) {
        out.println();
        out.println("authbench: writing the report");
        out.flush();
        int code = ReportMain.run(
                new String[] {"report", runFolder.toAbsolutePath().toString()}, out, err);
        if (code != 0) {
            err.println("authbench: the report could not be written (see above); results.json is complete, and"
                    + " 'authbench report " + runFolder + "' retries it.");
            err.flush();
            return false;
        }
        return true;
    }
}
