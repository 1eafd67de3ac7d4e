package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as its own process, as the harness starts it: readiness line first on stdout, a working API, the key
 * never echoed, and the process gone after it is stopped.
 */
class EmulatorProcessIT {

    @Test
    void the_jar_prints_its_readiness_line_and_serves_the_api(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("emulator.jar", "target/appwrite-emulator.jar"));
        assertThat(jar).as("run `mvn package` first").exists();
        Path key = Files.writeString(dir.resolve("key"), TestEmulator.API_KEY + "\n");
        Path stderr = dir.resolve("stderr.log");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--api-key-file",
                        key.toString(),
                        "--password-hash",
                        "fast"))
                .redirectError(stderr.toFile())
                .start();
        try (BufferedReader stdout =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(30, TimeUnit.SECONDS);
            assertThat(first).matches("LISTENING http://127\\.0\\.0\\.1:\\d+/v1");

            Http http = new Http(first.substring("LISTENING ".length()));
            Seed.createUser(http, "process@example.com");
            String session = Seed.keySession(http, "process@example.com");
            assertThat(http.request("GET", "/account")
                            .header("X-Appwrite-Session", session)
                            .send()
                            .status())
                    .isEqualTo(200);
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS))
                    .as("the emulator stops on SIGTERM")
                    .isTrue();
        }
        assertThat(Files.readString(stderr))
                .doesNotContain(TestEmulator.API_KEY)
                .doesNotContain("Exception");
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
