package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder that cannot be created gets a message naming why, not the path a second time. */
class RunFolderTest {

    @Test
    void a_folder_under_proc_names_the_cause() {
        Throwable error = catchThrowable(() -> RunFolder.create(Path.of("/proc/authbench-run-folder-test/out")));

        assertThat(error)
                .hasMessageStartingWith("cannot create the run folder /proc/authbench-run-folder-test/out: ")
                .hasMessageContaining("/proc/authbench-run-folder-test cannot be created")
                .hasMessageContaining("does not allow")
                .hasMessageEndingWith("choose another with --out / -Dbench.out");
    }

    @Test
    void a_file_in_the_way_is_named(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        Throwable error = catchThrowable(() -> RunFolder.create(file.resolve("out")));

        assertThat(error).hasMessageContaining(file + " is a file, not a folder");
    }
}
