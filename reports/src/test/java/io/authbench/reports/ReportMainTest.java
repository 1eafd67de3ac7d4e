package io.authbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.golden.Golden;
import io.authbench.reports.results.ResultsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ReportMain.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path copyOf(String golden) throws IOException {
        Path source = Golden.folder(golden);
        Path target = dir.resolve(golden);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    private Path runFolderWith(String resultsText) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("run"));
        Files.writeString(folder.resolve("results.json"), resultsText);
        return folder;
    }

    @Test
    void a_run_folder_becomes_report_html_and_summary_csv_with_a_console_summary() throws Exception {
        Path folder = copyOf("full-run");

        int code = run("report", folder.toString());

        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(folder.resolve("report.html")).isRegularFile();
        assertThat(folder.resolve("summary.csv")).isRegularFile();
        assertThat(out.toString())
                .contains("AuthBench run synthetic-20261127 (complete): 768 measured samples, 2 failed")
                .contains(
                        "login         slow-4g           365 ms      526 ms  0.68 [0.65, 0.75]        SSR faster by 32 % [25 %, 35 %]")
                .contains("claim Initial load time:       confirmed")
                .contains("report:  " + folder.resolve("report.html").toAbsolutePath());
    }

    @Test
    void the_report_can_go_to_another_folder_and_compare_with_a_baseline_folder() throws Exception {
        Path folder = copyOf("full-run");
        Path baseline = copyOf("baseline-run");
        Path elsewhere = dir.resolve("out");

        int code = run(
                "report",
                folder.resolve("results.json").toString(),
                "--out",
                elsewhere.toString(),
                "--baseline",
                baseline.toString());

        assertThat(code).isZero();
        assertThat(elsewhere.resolve("report.html")).content().contains("<section id=\"baseline\">");
        assertThat(folder.resolve("report.html")).doesNotExist();
        assertThat(out.toString()).contains("against baseline: ");
    }

    @Test
    void a_missing_run_folder_is_named_in_one_line_and_exits_1() {
        Path missing = dir.resolve("nope");

        assertThat(run("report", missing.toString())).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("reports: " + missing.resolve("results.json")
                        + ": file not found. Pass the run folder that holds results.json (the harness prints it at the end of a"
                        + " run), or run the benchmark first: mvn verify -Pbench." + System.lineSeparator());
    }

    @Test
    void an_empty_results_file_writes_no_report() throws Exception {
        Path folder = runFolderWith("");

        assertThat(run("report", folder.toString())).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("reports: " + folder.resolve("results.json") + ": the file is empty")
                .hasLineCount(1);
        assertThat(folder.resolve("report.html")).doesNotExist();
        assertThat(folder.resolve("summary.csv")).doesNotExist();
    }

    @Test
    void a_truncated_results_file_writes_no_report() throws Exception {
        String json = Files.readString(Golden.folder("interrupted-run").resolve("results.json"));
        Path folder = runFolderWith(json.substring(0, json.length() - 200));

        assertThat(run("report", folder.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains(": the JSON ends early (truncated at line")
                .hasLineCount(1);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("results.json");
        }
    }

    @Test
    void a_results_file_of_another_schema_is_refused() throws Exception {
        String json = Files.readString(Golden.folder("interrupted-run").resolve("results.json"))
                .replace("authbench-results/1", "authbench-results/2");
        Path folder = runFolderWith(json);

        assertThat(run("report", folder.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("schema \"authbench-results/2\" is not supported")
                .hasLineCount(1);
        assertThat(folder.resolve("report.html")).doesNotExist();
    }

    @Test
    void a_run_without_measured_samples_is_refused_with_a_sentence() throws Exception {
        var empty = Golden.read("interrupted-run").withSamples(List.of());
        Path folder = runFolderWith(ResultsJson.toJson(empty));

        assertThat(run("report", folder.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("holds no measured samples (run status interrupted); there is nothing to report yet.");
    }

    @Test
    void an_interrupted_run_with_failures_still_gets_a_report() throws Exception {
        Path folder = copyOf("interrupted-run");

        assertThat(run("report", folder.toString())).isZero();
        assertThat(folder.resolve("report.html"))
                .content()
                .contains("Incomplete run")
                .contains("user-name not painted");
        assertThat(out.toString()).contains("(interrupted: the harness stopped before the run finished)");
    }

    @Test
    void a_bad_baseline_is_named_and_no_report_is_written() throws Exception {
        Path folder = copyOf("interrupted-run");
        Path badBaseline = Files.writeString(dir.resolve("old.json"), "{\"schema\": 1}");

        assertThat(run("report", folder.toString(), "--baseline", badBaseline.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("reports: " + badBaseline + ": no \"schema\" field");
        assertThat(folder.resolve("report.html")).doesNotExist();
    }

    @Test
    void an_unknown_flag_is_a_usage_error_with_exit_code_2() {
        assertThat(run("report", "x", "--colour")).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("reports: Unknown option: '--colour'. Run with --help for usage." + System.lineSeparator());
    }

    @Test
    void a_missing_folder_argument_or_command_is_a_usage_error() {
        assertThat(run("report")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'DIR'");
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("missing command: use 'report DIR'");
    }

    @Test
    void every_commands_help_renders_without_a_picocli_warning() {
        // picocli formats descriptions with String.format: a lone "%" makes it warn on System.err and print raw text
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("report", "--help")).isZero();
            assertThat(run("aa-calibration", "--help")).isZero();
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
        assertThat(out.toString()).contains("how often the A/A cell's 95 % interval excluded 1");
    }

    @Test
    void help_lists_every_option_and_exits_0() {
        assertThat(run("report", "--help")).isZero();
        assertThat(out.toString()).contains("--baseline=FILE", "--out=DIR", "DIR");
    }
}
