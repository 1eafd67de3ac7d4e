package io.authbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.cli.HarnessOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code authbench run ARGS} through the real command line, with the three server jars present (empty files in a
 * test's folder) and an engine that only keeps the options it receives: for tests of option parsing, defaults and
 * usage errors, where nothing may start.
 */
final class RunCommandLine {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<HarnessOptions> received = new ArrayList<>();
    private final List<String> jars;

    RunCommandLine(Path dir) throws IOException {
        jars = List.of(
                "--emulator-jar=" + Files.createFile(dir.resolve("e.jar")),
                "--ssr-jar=" + Files.createFile(dir.resolve("s.jar")),
                "--csr-jar=" + Files.createFile(dir.resolve("c.jar")));
    }

    /** The exit code of {@code run ARGS}; the options, when the engine was reached, are in {@link #received()}. */
    int run(String... args) {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        all.addAll(jars);
        return HarnessMain.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), options -> {
            received.add(options);
            return 0;
        });
    }

    /** {@code run ARGS} is a usage error: exit 2, one line on stderr containing {@code expected}, nothing started. */
    void assertUsageError(String expected, String... args) {
        err.getBuffer().setLength(0);
        int before = received.size();
        assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
        assertThat(err.toString()).as(String.join(" ", args)).contains(expected);
        assertThat(err.toString().strip().lines()).as(err.toString()).hasSize(1);
        assertThat(received).hasSize(before);
    }

    /** Every options object the engine received, in order. */
    List<HarnessOptions> received() {
        return received;
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
