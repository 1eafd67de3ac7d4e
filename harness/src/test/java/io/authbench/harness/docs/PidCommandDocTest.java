package io.authbench.harness.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The docs tell a user how to find the pid of a {@code next start} server for {@code serverPid}. Next.js renames
 * that process ({@code process.title = 'next-server (vX.Y.Z)'}), so the command must find a process renamed that way:
 * a Node process that does exactly that stands in for it here.
 */
class PidCommandDocTest {
    private static final Path DOC = Path.of("..", "docs", "running-at-scale.md");

    @Test
    void the_documented_pgrep_command_finds_a_server_renamed_to_next_server() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher documented = Pattern.compile("`(pgrep -f [^`]+)` does").matcher(doc);
        assertThat(documented.find())
                .as("docs/running-at-scale.md names a pgrep command that finds the server")
                .isTrue();
        String command = documented.group(1);

        // As `node node_modules/.bin/next start --port 3000` would: start, then rename itself. (The new name is
        // assembled at run time, so the command line never contains it before the rename.)
        Process server = new ProcessBuilder(
                        "node",
                        "-e",
                        "process.title = ['next', 'server'].join('-') + ' (v14.2.3)'; setInterval(() => {}, 1000);",
                        "start",
                        "--port",
                        "3000")
                .redirectErrorStream(true)
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String found = "";
            while (System.nanoTime() < deadline) {
                Process pgrep = new ProcessBuilder("sh", "-c", command)
                        .redirectErrorStream(true)
                        .start();
                found = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                pgrep.waitFor(10, TimeUnit.SECONDS);
                if (found.lines().map(String::strip).toList().contains(Long.toString(server.pid()))) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(found.lines().map(String::strip).toList())
                    .as("'%s' output", command)
                    .contains(Long.toString(server.pid()));
            assertThat(Files.readString(
                            Path.of("/proc", Long.toString(server.pid()), "cmdline"), StandardCharsets.ISO_8859_1))
                    .as("the process really renamed itself")
                    .startsWith("next-server")
                    .doesNotContain("next start");
        } finally {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(List.of(command)).noneMatch(c -> c.contains("next start"));
    }
}
