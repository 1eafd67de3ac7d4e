package io.authbench.nextjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing setting stops {@code next start} at once with exit code 2 and one line naming the variable and the fix. */
class NextConfigTest {
    private static final Map<String, String> VALUES = Map.of(
            "port",
            "0",
            "host",
            "127.0.0.1",
            "appwriteEndpoint",
            "http://localhost:1/v1",
            "appwriteBrowserEndpoint",
            "http://localhost:1/v1",
            "projectId",
            "authbench");

    @TempDir
    Path dir;

    @Test
    void the_ssr_app_without_an_api_key_refuses_to_start() throws Exception {
        Result result = start("ssr", List.of());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("next-ssr: APPWRITE_API_KEY is not set. Set it to an Appwrite API key");
    }

    @Test
    void the_csr_app_without_an_endpoint_refuses_to_start() throws Exception {
        Result result = start("csr", List.of("APPWRITE_ENDPOINT", "APPWRITE_BROWSER_ENDPOINT"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("next-csr: APPWRITE_BROWSER_ENDPOINT is not set.");
    }

    @Test
    void a_malformed_endpoint_is_named() throws Exception {
        TargetJson csr = TargetJson.of("csr");
        Map<String, String> values = new HashMap<>(VALUES);
        values.put("appwriteBrowserEndpoint", "localhost:8080/v1");
        Result result = run(csr, csr.command(values), csr.environment(values), List.of());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("APPWRITE_BROWSER_ENDPOINT 'localhost:8080/v1' is not an http(s) URL");
    }

    private record Result(int exitCode, String stderr) {}

    private Result start(String app, List<String> unset) throws Exception {
        TargetJson target = TargetJson.of(app);
        return run(target, target.command(VALUES), target.environment(VALUES), unset);
    }

    private Result run(TargetJson target, List<String> command, Map<String, String> environment, List<String> unset)
            throws IOException, InterruptedException {
        Path stderr = dir.resolve(target.name() + ".stderr.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(target.directory().toFile())
                .redirectOutput(dir.resolve(target.name() + ".stdout.log").toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        builder.environment().remove("APPWRITE_API_KEY"); // never inherited from whoever runs the build
        unset.forEach(builder.environment()::remove);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("next start exited by itself")
                    .isTrue();
            return new Result(process.exitValue(), Files.readString(stderr));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
