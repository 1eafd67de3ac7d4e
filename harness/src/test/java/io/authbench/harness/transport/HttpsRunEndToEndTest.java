package io.authbench.harness.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --transport=https} as a user runs it: real emulator and apps serving TLS behind real links, a real Chromium
 * that trusts the run's authority only. Checks results.json and the run folder, not timings.
 */
class HttpsRunEndToEndTest {
    @TempDir
    Path out;

    private int run(List<String> options, StringWriter stdout, StringWriter stderr) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(options);
        args.addAll(List.of(
                "--server-phase=off",
                "--filmstrip=off",
                "--aa-flow=none",
                "--out=" + out,
                "--emulator-jar=" + ServerJars.emulator(),
                "--ssr-jar=" + ServerJars.ssr(),
                "--csr-jar=" + ServerJars.csr()));
        return HarnessMain.run(args.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));
    }

    /**
     * The quick run's flows and profiles (loopback, slow-4g) over https on one site, one pair per cell to keep it
     * short: every sample ok, the settings say https, CSR kept its session in the first-party cookie, and no private
     * key is left in the run folder or was written outside it.
     */
    @Test
    void a_quick_https_run_on_one_site_measures_every_flow_and_leaves_no_key_behind() throws Exception {
        Set<Path> keysBefore = keyFilesOutsideRun();
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int code = run(List.of("--quick", "--pairs=1", "--transport=https", "--sites=same"), stdout, stderr);

        assertThat(code)
                .as("exit code; stdout:%n%s%nstderr:%n%s", stdout, stderr)
                .isZero();
        RunResults results = ResultsJson.read(out.resolve("results.json"));
        assertThat(results.run().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(results.run().config().profiles()).containsExactly("loopback", "slow-4g");
        assertThat(results.run().config().flows())
                .containsExactly("login", "revisit", "revisit-cold", "navigate", "guard", "logout", "no-js");
        Map<String, String> settings = results.run().config().settings();
        assertThat(settings)
                .containsEntry("transport", "https")
                .containsEntry("sites", "same")
                .containsEntry("appHost", "app.example.com")
                .containsEntry("appwriteHost", "api.example.com");
        assertThat(settings.get("tls")).contains("per-run certificate authority");
        assertThat(results.samples()).hasSize(2 * 7 * 2);
        assertThat(results.samples())
                .allSatisfy(s -> assertThat(s.ok())
                        .as("%s %s %s: %s", s.flow(), s.profile(), s.variant(), s.failure())
                        .isTrue());
        // Every browser request went to https://app.example.com or https://api.example.com through the links, and the
        // CSR pages kept Appwrite's session in its first-party cookie: Appwrite verified the shared domain.
        assertThat(results.samples().stream()
                        .filter(s -> s.variant().equals("csr"))
                        .map(Sample::csrSessionPath)
                        .filter(p -> p != null)
                        .collect(Collectors.toSet()))
                .containsExactly(Sample.COOKIE_PATH);
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("Transport <b>https (TLS to each server behind its link, HTTP/2 offered)</b> · sites"
                        + " <b>same</b>");

        // The run's authority: certificates stay, every server key is gone, none was written anywhere else.
        assertThat(out.resolve("tls/ca.pem")).exists();
        assertThat(out.resolve("tls/appwrite.pem")).exists();
        assertThat(keyFiles(out)).as("private keys left in the run folder").isEmpty();
        // Other processes on a shared machine may write .key files meanwhile: a new one outside the run folder fails
        // the test only if it is the key of one of this run's certificates.
        Set<Path> newKeys = new java.util.TreeSet<>(keyFilesOutsideRun());
        newKeys.removeAll(keysBefore);
        for (Path key : newKeys) {
            for (String server : List.of(RunTls.APPWRITE, RunTls.SSR_APP, RunTls.CSR_APP)) {
                boolean ours;
                try {
                    io.authbench.tls.TlsContexts.server(out.resolve("tls").resolve(server + ".pem"), key);
                    ours = true;
                } catch (RuntimeException notThisRunsKey) {
                    ours = false;
                }
                assertThat(ours)
                        .as("%s is %s's key, outside the run folder", key, server)
                        .isFalse();
            }
        }
        assertThat(Files.readString(out.resolve("logs/appwrite-emulator.stdout.log")))
                .startsWith("LISTENING https://");
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();
    }

    /** Appwrite on a site of its own: Appwrite sends X-Fallback-Cookies and the session lives in localStorage. */
    @Test
    void cross_site_csr_sessions_take_the_fallback_path() throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int code = run(
                List.of(
                        "--transport=https",
                        "--sites=cross",
                        "--flows=login,revisit,logout",
                        "--profiles=loopback",
                        "--pairs=1",
                        "--warmup-pairs=0"),
                stdout,
                stderr);

        assertThat(code)
                .as("exit code; stdout:%n%s%nstderr:%n%s", stdout, stderr)
                .isZero();
        RunResults results = ResultsJson.read(out.resolve("results.json"));
        assertThat(results.run().config().settings())
                .containsEntry("sites", "cross")
                .containsEntry("appwriteHost", "appwrite.example.net");
        assertThat(results.samples())
                .allSatisfy(s -> assertThat(s.ok())
                        .as("%s %s: %s", s.flow(), s.variant(), s.failure())
                        .isTrue());
        List<Sample> csr = results.samples().stream()
                .filter(s -> s.variant().equals("csr"))
                .toList();
        assertThat(csr)
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.csrSessionPath()).as(s.flow()).isEqualTo(Sample.FALLBACK_PATH));
        assertThat(keyFiles(out)).isEmpty();
    }

    private static List<Path> keyFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".key"))
                    .toList();
        }
    }

    /** {@code .key} files in the places a run could write besides its folder: the temp folder and the module's. */
    private Set<Path> keyFilesOutsideRun() throws IOException {
        Set<Path> found = new java.util.TreeSet<>();
        for (Path root : List.of(
                Path.of(System.getProperty("java.io.tmpdir")), Path.of("").toAbsolutePath())) {
            try (Stream<Path> files = Files.find(
                    root,
                    6,
                    (p, a) -> a.isRegularFile() && p.getFileName().toString().endsWith(".key"))) {
                files.filter(p -> !p.startsWith(out)).forEach(found::add);
            } catch (IOException | java.io.UncheckedIOException unreadable) {
                // a folder another process removed while walking: what is left is still compared
            }
        }
        return found;
    }
}
