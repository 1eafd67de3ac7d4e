package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.apptarget.LaunchedTargetFiles;
import io.authbench.harness.apptarget.TargetFiles;
import io.authbench.harness.cli.HarnessOptions;
import io.authbench.reports.results.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * results.json states only what happened: a target run lists no bundled app's SDK it did not measure, records the
 * server phase as skipped (with the reason, without server-bench settings) when it cannot apply, and claims no
 * profile links in front of an external Appwrite when there were none.
 */
class RecordedSettingsTest {
    @TempDir
    Path dir;

    private HarnessOptions options(String... args) throws Exception {
        Path key = Files.writeString(dir.resolve("key"), "standard_" + "ab".repeat(128) + "\n");
        Path jar = Files.writeString(dir.resolve("any.jar"), "");
        List<String> all =
                new ArrayList<>(List.of("run", "--emulator-jar=" + jar, "--ssr-jar=" + jar, "--csr-jar=" + jar));
        for (String arg : args) {
            all.add(arg.replace("KEYFILE", key.toString()));
        }
        List<HarnessOptions> received = new ArrayList<>();
        StringWriter err = new StringWriter();
        int code = HarnessMain.run(
                all.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err), o -> {
                    received.add(o);
                    return 0;
                });
        assertThat(code).as(err.toString()).isZero();
        return received.get(0);
    }

    private static Map<String, String> settings(HarnessOptions options) {
        Path chromium = Path.of("/usr/lib/chromium/chromium"); // recorded only, never started here
        return BenchmarkEngine.runConfig(options, chromium, options.topology().browserTarget(chromium))
                .settings();
    }

    @Test
    void targets_that_run_on_their_own_record_no_sdk_no_server_phase_settings_and_no_appwrite_links() throws Exception {
        HarnessOptions options = options(
                "--appwrite-endpoint=http://127.0.0.1:9/v1",
                "--appwrite-project=authbench",
                "--appwrite-key-file=KEYFILE",
                "--target=" + TargetFiles.bundled("bundled-ssr.json"),
                "--target=" + TargetFiles.bundled("bundled-csr.json"));

        Map<String, String> settings = settings(options);
        assertThat(settings.get("serverPhase")).startsWith("skipped: ");
        assertThat(settings.keySet()).noneMatch(k -> k.startsWith("serverBench"));
        assertThat(settings.get("appwriteLinks")).startsWith("none: ").doesNotContain("profile links");
        Environment environment = BenchmarkEngine.environment(options, "156", "http://127.0.0.1:9/v1");
        assertThat(environment.sdks()).isEmpty();
    }

    @Test
    void a_launched_ssr_target_with_the_bundled_csr_app_lists_only_the_csr_apps_sdk() throws Exception {
        Path file = Files.writeString(dir.resolve("t.json"), LaunchedTargetFiles.ssr("t"));
        HarnessOptions options = options("--target=" + file, "--quick");

        assertThat(options.profileNames())
                .as("launched targets run under every profile")
                .containsExactly("loopback", "slow-4g");
        Map<String, String> settings = settings(options);
        assertThat(settings.get("serverPhase")).startsWith("skipped: ").contains("not the target apps");
        assertThat(settings.keySet()).noneMatch(k -> k.startsWith("serverBench"));
        assertThat(settings)
                .doesNotContainKeys("network", "linkCalibration", "appwriteLinks")
                .containsKeys("calibrationPings", "target.ssr.start")
                .containsEntry("target.csr.name", "bundled-csr");
        assertThat(BenchmarkEngine.environment(options, "156", Environment.EMULATOR)
                        .sdks())
                .containsOnlyKeys("appwrite (npm)");
    }

    @Test
    void the_bundled_apps_record_both_sdks_and_the_server_phase() throws Exception {
        HarnessOptions options = options("--quick");

        Map<String, String> settings = settings(options);
        assertThat(settings.get("serverPhase")).isEqualTo("on");
        assertThat(settings.keySet()).anyMatch(k -> k.startsWith("serverBench"));
        assertThat(BenchmarkEngine.environment(options, "156", Environment.EMULATOR)
                        .sdks())
                .containsOnlyKeys("io.appwrite:sdk-for-kotlin", "appwrite (npm)");
    }
}
