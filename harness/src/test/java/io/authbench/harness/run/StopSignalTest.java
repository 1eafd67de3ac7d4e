package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.support.process.TestClasspath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An interrupted run names the signal that stopped it: SIGTERM is not reported as Ctrl-C. */
class StopSignalTest {

    /** The child: installs the handlers, prints the reason from a shutdown hook, waits to be stopped. */
    public static final class Probe {
        public static void main(String[] args) throws InterruptedException {
            StopSignal.install();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("REASON " + StopSignal.reason())));
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void sigterm_is_reported_as_sigterm() throws Exception {
        assertThat(reasonAfter("TERM")).isEqualTo("stopped by SIGTERM before the run finished");
    }

    @Test
    void sigint_is_reported_as_ctrl_c() throws Exception {
        assertThat(reasonAfter("INT")).isEqualTo("stopped by Ctrl-C (SIGINT) before the run finished");
    }

    private static String reasonAfter(String signal) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // env restores SIGINT's default: a build started in the background without job control ignores SIGINT,
        // its children inherit that, and a JVM that starts with SIGINT ignored never sees Ctrl-C.
        Process child = new ProcessBuilder(
                        "env",
                        "--default-signal=INT",
                        java,
                        "-Xmx64m",
                        "-cp",
                        TestClasspath.current(),
                        Probe.class.getName())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("READY");
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.waitFor(60, TimeUnit.SECONDS))
                    .as("the child stops on SIG" + signal)
                    .isTrue();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("REASON ")) {
                    return line.substring("REASON ".length());
                }
            }
            return "(no reason printed)";
        } finally {
            child.destroyForcibly();
        }
    }
}
