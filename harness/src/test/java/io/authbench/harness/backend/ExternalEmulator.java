package io.authbench.harness.backend;

import io.authbench.harness.ServerJars;
import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The emulator started by a test as if it were someone's Appwrite: its own process, its own key, configured by its
 * flags (project, key scopes, expiry, platforms, rate limits); the harness under test only gets the URL.
 */
final class ExternalEmulator implements AutoCloseable {
    final String apiKey = "standard_" + HexFormat.of().formatHex(random(128));
    private final ServerProcess process;

    private ExternalEmulator(List<String> flags, Path logDir) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1", "--password-hash", "fast"));
        args.addAll(flags);
        process = ServerProcess.start(
                ServerSpec.javaJar("external-appwrite", List.of("-Xmx256m"), ServerJars.emulator(), args)
                        .withEnvironment(Map.of("APPWRITE_EMULATOR_API_KEY", apiKey))
                        .withStartTimeout(Duration.ofSeconds(90)),
                logDir);
    }

    /** Starts one; {@code flags} are the emulator's own ({@code --project}, {@code --api-key-scopes}, ...). */
    static ExternalEmulator start(Path logDir, String... flags) {
        return new ExternalEmulator(List.of(flags), logDir);
    }

    /** The API base, e.g. {@code http://127.0.0.1:41234/v1}. */
    URI api() {
        return process.url();
    }

    long pid() {
        return process.pid();
    }

    ExternalAppwrite backend(String projectId, String key) {
        return new ExternalAppwrite(api(), projectId, key);
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        process.close();
    }
}
