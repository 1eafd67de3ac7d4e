package io.authbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.calibration.AaCalibration;
import io.authbench.reports.calibration.AaCalibrationFile;
import io.authbench.reports.golden.Golden;
import io.authbench.reports.results.ResultsJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The A/A calibration through the CLI: summarising runs, and the report showing the rate next to the A/A cell. */
class AaCalibrationReportTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ReportMain.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    /** The golden full run (it has an A/A cell), as a run folder under {@code dir/runs}. */
    private Path runFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("runs/bench"));
        Files.copy(Golden.folder("full-run").resolve("results.json"), folder.resolve("results.json"));
        return folder;
    }

    private static AaCalibration calibration(String command, String machine) {
        return new AaCalibration(
                AaCalibration.SCHEMA,
                Instant.parse("2026-12-02T18:00:00Z"),
                "abc1234",
                machine,
                command,
                "login × loopback, 10 pairs, 0 warm-up, quick",
                20,
                1,
                0.05,
                0.001265089,
                0.248732762,
                0,
                List.of());
    }

    @Test
    void the_report_shows_the_named_calibration_next_to_the_aa_cell_escaped() throws Exception {
        Path folder = runFolder();
        Path file = dir.resolve("cal.json");
        AaCalibrationFile.write(
                calibration("scripts/aa-runs.sh 20 <script>alert(1)</script>", "CPU \"x\" & <b>"), file);

        int code = run("report", folder.toString(), "--aa-calibration", file.toString());

        assertThat(code).as(err.toString()).isZero();
        String html = Files.readString(folder.resolve("report.html"));
        String validity = html.substring(html.indexOf("<section id=\"validity\">"));
        validity = validity.substring(0, validity.indexOf("<h3>Link calibration</h3>"));
        assertThat(validity)
                .contains("<b>Measured false-positive rate of the A/A interval:</b> in <b>1 of 20</b> A/A runs (5.0 %,"
                        + " exact 95 % interval 0.1–24.9 %)")
                .contains("command <code>scripts/aa-runs.sh 20 &lt;script&gt;alert(1)&lt;/script&gt;</code>")
                .contains("machine CPU &quot;x&quot; &amp; &lt;b&gt;")
                .doesNotContain("<script>");
        // The golden run's A/A cell was not measured like the calibration runs: the report says so.
        assertThat(validity).contains("was not measured like the calibration runs");
        assertThat(out.toString())
                .contains("A/A false-positive rate: 1 of 20 runs (5.0 %, 95 % interval 0.1–24.9 %), " + file);
    }

    @Test
    void without_a_named_file_the_default_next_to_the_run_folder_is_used_else_it_says_not_measured() throws Exception {
        Path folder = runFolder();
        assertThat(run("report", folder.toString())).isZero();
        assertThat(Files.readString(folder.resolve("report.html")))
                .contains("The false-positive rate of the A/A interval on this machine is not measured");

        AaCalibrationFile.write(calibration("scripts/aa-runs.sh 20", "m"), dir.resolve("runs/aa-calibration.json"));
        assertThat(run("report", folder.toString())).isZero();
        assertThat(Files.readString(folder.resolve("report.html"))).contains("in <b>1 of 20</b> A/A runs");

        // A broken default file does not fail the report; it is named with its problem.
        Files.writeString(dir.resolve("runs/aa-calibration.json"), "[]");
        assertThat(run("report", folder.toString())).isZero();
        assertThat(Files.readString(folder.resolve("report.html")))
                .contains("The A/A calibration file could not be used");
    }

    @Test
    void a_named_file_that_cannot_be_read_fails_the_report_with_its_name() throws Exception {
        Path folder = runFolder();
        Path missing = dir.resolve("missing.json");

        assertThat(run("report", folder.toString(), "--aa-calibration", missing.toString()))
                .isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("reports: " + missing + ": no such file; make one with scripts/aa-runs.sh N (see"
                        + " docs/statistics.md)" + System.lineSeparator());
        assertThat(folder.resolve("report.html")).doesNotExist();
    }

    @Test
    void aa_calibration_summarises_run_folders_into_the_file() throws Exception {
        Path one = Files.createDirectories(dir.resolve("run-01"));
        ResultsJson.writeAtomically(
                io.authbench.reports.calibration.AaRuns.aaRun("r1", 1.0), one.resolve("results.json"));
        Path two = Files.createDirectories(dir.resolve("run-02"));
        ResultsJson.writeAtomically(
                io.authbench.reports.calibration.AaRuns.aaRun("r2", 1.5), two.resolve("results.json"));
        Path broken = Files.createDirectories(dir.resolve("run-03"));
        Path file = dir.resolve("aa-calibration.json");

        int code = run(
                "aa-calibration",
                "--out",
                file.toString(),
                "--command",
                "scripts/aa-runs.sh 3",
                one.toString(),
                two.toString(),
                broken.toString());

        assertThat(code).as(err.toString()).isZero();
        AaCalibration c = AaCalibrationFile.read(file);
        assertThat(c.runs()).isEqualTo(2);
        assertThat(c.falsePositives()).isEqualTo(1);
        assertThat(c.notUsable()).isEqualTo(1);
        assertThat(c.command()).isEqualTo("scripts/aa-runs.sh 3");
        assertThat(out.toString())
                .contains("not usable: " + broken + ": ")
                .contains("A/A false-positive rate: 1 of 2 runs (50.0 %, 95 % interval 1.3–98.7 %), " + file);
    }

    @Test
    void aa_calibration_without_a_usable_run_exits_1_and_more_than_100_runs_is_a_usage_error() throws Exception {
        Path broken = Files.createDirectories(dir.resolve("run-01"));
        Path file = dir.resolve("aa.json");
        assertThat(run("aa-calibration", "--out", file.toString(), broken.toString()))
                .isEqualTo(1);
        assertThat(AaCalibrationFile.read(file).notUsable()).isEqualTo(1);

        List<String> args = new ArrayList<>(List.of("aa-calibration", "--out", file.toString()));
        for (int i = 0; i <= AaCalibration.MAX_RUNS; i++) {
            args.add(dir.resolve("r" + i).toString());
        }
        assertThat(run(args.toArray(String[]::new))).isEqualTo(2);
        assertThat(err.toString()).contains("101 runs given, at most 100 are summarised at once");
        assertThat(run("aa-calibration", broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
    }
}
