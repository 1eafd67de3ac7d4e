package io.authbench.reports.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AaCalibrationFileTest {
    @TempDir
    Path dir;

    static AaCalibration sample() {
        return AaCalibrations.summarize(
                List.of(
                        new AaCalibrations.Input("run-01", AaRuns.aaRun("r1", 1.0), null),
                        new AaCalibrations.Input("run-02", AaRuns.aaRun("r2", 1.5), null)),
                "scripts/aa-runs.sh 2",
                Instant.parse("2026-12-02T18:00:00Z"));
    }

    @Test
    void a_summary_survives_writing_and_reading() {
        Path file = dir.resolve("sub/aa-calibration.json");
        AaCalibration written = sample();

        AaCalibrationFile.write(written, file);

        assertThat(AaCalibrationFile.read(file)).isEqualTo(written);
        assertThat(file).content().contains("\"falsePositives\" : 1").contains("\"runs\" : 2");
    }

    @Test
    void a_file_that_is_not_a_summary_is_one_sentence_naming_it() throws Exception {
        Path missing = dir.resolve("none.json");
        assertThatThrownBy(() -> AaCalibrationFile.read(missing))
                .hasMessage(missing + ": no such file; make one with scripts/aa-runs.sh N (see docs/statistics.md)");
        Path notJson = Files.writeString(dir.resolve("a.json"), "hello");
        assertThatThrownBy(() -> AaCalibrationFile.read(notJson))
                .hasMessageStartingWith(notJson + ": not an A/A calibration summary (");
        Path otherSchema = Files.writeString(dir.resolve("b.json"), "{\"schema\": \"authbench-results/1\"}");
        assertThatThrownBy(() -> AaCalibrationFile.read(otherSchema))
                .hasMessage(otherSchema + ": not an A/A calibration summary (\"schema\" is not \""
                        + AaCalibration.SCHEMA + "\")");
        Path inconsistent = Files.writeString(dir.resolve("c.json"), """
                {"schema": "%s", "runs": 2, "falsePositives": 3, "rate": 1.5, "notUsable": 0}
                """.formatted(AaCalibration.SCHEMA));
        assertThatThrownBy(() -> AaCalibrationFile.read(inconsistent))
                .hasMessage(inconsistent + ": inconsistent counts (3 false positives of 2 runs); write it again with"
                        + " scripts/aa-runs.sh");
    }

    @Test
    void without_a_named_file_a_report_looks_next_to_the_run_folder() throws Exception {
        Path run = Files.createDirectories(dir.resolve("bench"));
        assertThat(AaCalibrationFile.findFor(run)).isEqualTo(AaCalibrationFile.Loaded.none());

        AaCalibrationFile.write(sample(), dir.resolve(AaCalibrationFile.DEFAULT_NAME));
        AaCalibrationFile.Loaded found = AaCalibrationFile.findFor(run);
        assertThat(found.file()).isEqualTo(dir.resolve(AaCalibrationFile.DEFAULT_NAME));
        assertThat(found.calibration().runs()).isEqualTo(2);
        assertThat(found.problem()).isNull();

        Files.writeString(dir.resolve(AaCalibrationFile.DEFAULT_NAME), "{");
        AaCalibrationFile.Loaded broken = AaCalibrationFile.findFor(run);
        assertThat(broken.calibration()).isNull();
        assertThat(broken.problem()).startsWith(dir.resolve(AaCalibrationFile.DEFAULT_NAME) + ": not an A/A");
    }
}
