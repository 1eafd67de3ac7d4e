package io.authbench.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.support.process.TestClasspath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGTERM) in the middle of a run against an external Appwrite: the harness, a child JVM here, still deletes
 * the users it provisioned (from its shutdown hook) and says so; the Users API confirms none is left.
 */
class InterruptedRunCleanupTest {
    @TempDir
    Path dir;

    @Test
    void an_interrupted_run_deletes_the_users_it_provisioned() throws Exception {
        String apiKey = "standard_" + "5e".repeat(128);
        Path keyFile = Files.writeString(dir.resolve("appwrite.key"), apiKey);
        Path out = dir.resolve("run");
        Path console = dir.resolve("harness.out");
        try (DetachedEmulator appwrite = DetachedEmulator.start(dir, apiKey)) {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process harness = new ProcessBuilder(
                            java,
                            "-Xmx512m",
                            "-cp",
                            TestClasspath.current(),
                            HarnessMain.class.getName(),
                            "run",
                            "--flows=login",
                            "--profiles=loopback",
                            "--pairs=4",
                            "--warmup-pairs=0",
                            "--aa-flow=none",
                            "--server-phase=off",
                            "--out=" + out,
                            "--emulator-jar=" + ServerJars.emulator(),
                            "--ssr-jar=" + ServerJars.ssr(),
                            "--csr-jar=" + ServerJars.csr(),
                            "--appwrite-endpoint=" + appwrite.api(),
                            "--appwrite-project=authbench",
                            "--appwrite-key-file=" + keyFile)
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile())
                    .start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
                while (!Files.readString(console).contains("seeded ")
                        && harness.isAlive()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(Files.readString(console))
                        .as("the harness seeded its users")
                        .contains("seeded 8 users");
                harness.destroy(); // SIGTERM, as Ctrl-C would
                assertThat(harness.waitFor(60, TimeUnit.SECONDS))
                        .as("the harness exits after SIGTERM")
                        .isTrue();
            } finally {
                harness.descendants().forEach(ProcessHandle::destroyForcibly);
                harness.destroyForcibly();
            }

            String output = Files.readString(console);
            assertThat(output)
                    .as(output)
                    .contains("deleted 8 test users through the Users API")
                    .doesNotContain(apiKey);
            RunResults results = ResultsJson.read(out.resolve("results.json"));
            assertThat(results.run().status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(results.incidents())
                    .anyMatch(i -> i.component().equals(BackendSetup.USERS_COMPONENT)
                            && i.message().startsWith("deleted 8 test users"));

            // Appwrite's side: every user created was deleted, and none is left.
            String requests = appwrite.log();
            // The first login user is created with its password, the others imported with its hash (UserSeeder).
            long created = requests.lines()
                    .filter(l -> l.startsWith("POST /v1/users 201") || l.startsWith("POST /v1/users/argon2 201"))
                    .count();
            Matcher deletes = Pattern.compile("DELETE /v1/users/(\\S+) 204").matcher(requests);
            List<String> deleted = deletes.results().map(m -> m.group(1)).toList();
            assertThat(created).isEqualTo(8);
            assertThat(deleted).hasSize(8).doesNotHaveDuplicates();
            HttpClient http = HttpClient.newHttpClient();
            for (String id : deleted) {
                HttpResponse<String> user = http.send(
                        HttpRequest.newBuilder(URI.create(appwrite.api() + "/users/" + id))
                                .header("X-Appwrite-Project", "authbench")
                                .header("X-Appwrite-Key", apiKey)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(user.statusCode()).as(id).isEqualTo(404);
            }
        }
    }
}
