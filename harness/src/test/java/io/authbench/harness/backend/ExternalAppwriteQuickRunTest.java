package io.authbench.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.reports.results.Incident;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quick run against an Appwrite the harness did not start: the test starts the emulator itself, outside this
 * JVM's process tree, and gives the harness only its URL, project and key file. One login pair on loopback.
 */
class ExternalAppwriteQuickRunTest {
    @TempDir
    Path dir;

    @Test
    void a_quick_run_against_an_external_endpoint_measures_both_variants_and_deletes_its_users() throws Exception {
        String apiKey = "standard_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16)) + "ab".repeat(112);
        Path keyFile = dir.resolve("appwrite.key");
        Files.writeString(keyFile, apiKey + "\n");
        Path out = dir.resolve("run");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        try (DetachedEmulator appwrite = DetachedEmulator.start(dir, apiKey)) {
            int code = HarnessMain.run(
                    new String[] {
                        "run",
                        "--flows=login",
                        "--profiles=loopback",
                        "--pairs=1",
                        "--warmup-pairs=0",
                        "--aa-flow=none",
                        "--server-phase=on",
                        "--out=" + out,
                        "--emulator-jar=" + ServerJars.emulator(),
                        "--ssr-jar=" + ServerJars.ssr(),
                        "--csr-jar=" + ServerJars.csr(),
                        "--appwrite-endpoint=" + appwrite.api(),
                        "--appwrite-project=authbench",
                        "--appwrite-key-file=" + keyFile
                    },
                    new PrintWriter(stdout),
                    new PrintWriter(stderr));

            assertThat(code)
                    .as("exit code; stdout:%n%s%nstderr:%n%s", stdout, stderr)
                    .isZero();
            assertThat(stdout.toString())
                    .contains("checking the Appwrite at " + appwrite.api(), "ok: API key has sessions.write");

            // The harness started no emulator of its own: no emulator log, and the external one is still running.
            try (Stream<Path> logs = Files.list(out.resolve("logs"))) {
                assertThat(logs.map(p -> p.getFileName().toString()).toList())
                        .noneMatch(name -> name.startsWith("appwrite-emulator"))
                        .contains("ssr-app.loopback.stdout.log", "csr-app.loopback.stdout.log");
            }
            assertThat(ProcessHandle.of(appwrite.pid()))
                    .as("the external Appwrite survives the run")
                    .isPresent();

            RunResults results = ResultsJson.read(out.resolve("results.json"));
            assertThat(results.run().status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(results.environment().backend()).isEqualTo(appwrite.api().toString());
            assertThat(results.run().config().settings())
                    .containsEntry("projectId", "authbench")
                    .hasEntrySatisfying("appwriteLinks", v -> assertThat(v).startsWith("profile links"));
            List<Sample> samples = results.samples();
            assertThat(samples).extracting(Sample::variant).containsExactlyInAnyOrder("ssr", "csr");
            for (Sample sample : samples) {
                assertThat(sample.ok())
                        .as("%s failed: %s", sample.variant(), sample.failure())
                        .isTrue();
                // Appwrite's CPU is not ours to measure: absent, never 0. App→Appwrite calls come from Server-Timing.
                assertThat(sample.metrics().number(Metric.APPWRITE_CPU_MS))
                        .as(sample.variant())
                        .isEmpty();
                assertThat(sample.metrics().number(Metric.APP_CPU_MS))
                        .as(sample.variant())
                        .isPresent();
                assertThat(sample.metrics().number(Metric.APPWRITE_CALLS_SERVER))
                        .as(sample.variant())
                        .isPresent();
            }
            Sample ssr = samples.stream()
                    .filter(s -> s.variant().equals("ssr"))
                    .findFirst()
                    .orElseThrow();
            Sample csr = samples.stream()
                    .filter(s -> s.variant().equals("csr"))
                    .findFirst()
                    .orElseThrow();
            assertThat(ssr.metrics().number(Metric.APPWRITE_CALLS_SERVER).getAsDouble())
                    .isGreaterThanOrEqualTo(2);
            assertThat(csr.metrics().number(Metric.APPWRITE_CALLS_BROWSER).getAsDouble())
                    .isGreaterThanOrEqualTo(2);
            assertThat(results.cells())
                    .allSatisfy(c -> assertThat(c.medians()).doesNotContainKey(Metric.APPWRITE_CPU_MS.key()));
            assertThat(results.incidents())
                    .anyMatch(i -> i.component().equals("server-bench")
                            && i.message().contains("skipped")
                            && i.message().contains(appwrite.api().toString()));

            // The two provisioned users were deleted, as the incident says and the Users API confirms.
            Incident cleanup = results.incidents().stream()
                    .filter(i -> i.component().equals(BackendSetup.USERS_COMPONENT))
                    .findFirst()
                    .orElseThrow();
            assertThat(cleanup.message()).startsWith("deleted 2 test users").doesNotContain("could not be deleted");
            List<String> ids = List.of(cleanup.message()
                    .substring(cleanup.message().indexOf("deleted ids: ") + 13)
                    .split(", "));
            assertThat(ids).hasSize(2);
            HttpClient http = HttpClient.newHttpClient();
            for (String id : ids) {
                HttpResponse<String> user = http.send(
                        HttpRequest.newBuilder(URI.create(appwrite.api() + "/users/" + id))
                                .header("X-Appwrite-Project", "authbench")
                                .header("X-Appwrite-Key", apiKey)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(user.statusCode())
                        .as("GET /users/%s: %s", id, user.body())
                        .isEqualTo(404);
                assertThat(user.body()).contains("user_not_found");
            }
            assertThat(appwrite.log()).contains("POST /v1/users").contains("DELETE /v1/users/" + ids.get(0));

            // The key is nowhere: not in the output, results, child logs or the report.
            int reportCode = HarnessMain.run(
                    new String[] {"report", out.toString()}, new PrintWriter(stdout), new PrintWriter(stderr));
            assertThat(reportCode).as("report; stderr:%n%s", stderr).isZero();
            String html = Files.readString(out.resolve("report.html"));
            assertThat(html)
                    .contains("Appwrite CPU is <b>not measured</b> in this run: the backend was the external Appwrite"
                            + " at <code>" + appwrite.api() + "</code>")
                    .contains("<td>not measured</td>");
            assertThat(stdout.toString() + stderr).doesNotContain(apiKey);
            try (Stream<Path> files = Files.walk(out)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .as(file.toString())
                            .doesNotContain(apiKey);
                }
            }
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();
    }
}
