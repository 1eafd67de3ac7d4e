package io.authbench.support.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jcmd against this test's own JVM (a real one) and against a process that is not there. */
class ThreadDumpTest {
    @TempDir
    Path dir;

    @Test
    void a_running_jvm_gets_its_threads_written_to_the_file() throws Exception {
        Path file = dir.resolve("logs/threads.txt");

        assertThat(ThreadDump.write(ProcessHandle.current().pid(), file)).contains(file);
        assertThat(Files.readString(file)).contains("\"main\"").contains("java.lang.Thread.State");
    }

    @Test
    void a_process_that_is_gone_gives_no_dump_and_no_exception() {
        long gone = Long.MAX_VALUE / 2; // no such pid
        assertThat(ThreadDump.write(gone, dir.resolve("none.txt"))).isEmpty();
    }
}
