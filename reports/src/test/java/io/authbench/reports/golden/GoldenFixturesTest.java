package io.authbench.reports.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed fixtures are exactly what the project's own code writes today: regenerating them through
 * {@link SyntheticRun} and the {@code ResultsWriter} gives the same bytes. If this fails after an intended change
 * of the schema or the writer, run {@code GoldenFixtures.main} and review the diff.
 */
class GoldenFixturesTest {
    @TempDir
    Path dir;

    @Test
    void regenerating_the_fixtures_gives_the_committed_files_byte_for_byte() throws Exception {
        GoldenFixtures.writeAll(dir);

        for (String name : new String[] {GoldenFixtures.FULL, GoldenFixtures.BASELINE, GoldenFixtures.INTERRUPTED}) {
            assertThat(Files.readString(dir.resolve(name).resolve("results.json")))
                    .as("%s/results.json (regenerate with GoldenFixtures.main if the change is intended)", name)
                    .isEqualTo(Files.readString(Golden.folder(name).resolve("results.json")));
        }
    }
}
