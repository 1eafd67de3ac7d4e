package io.authbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.cli.Defaults;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real servers' shaded jars for integration tests: the pom passes their reactor paths as system properties
 * ({@code authbench.emulatorJar}, ...); outside Maven the CLI's defaults apply. A missing jar fails the test with the
 * command that builds it: these tests never skip.
 */
public final class ServerJars {
    private ServerJars() {}

    public static Path emulator() {
        return jar("authbench.emulatorJar", Defaults.emulatorJar(), "appwrite-emulator");
    }

    public static Path ssr() {
        return jar("authbench.ssrJar", Defaults.ssrJar(), "ssr-app");
    }

    public static Path csr() {
        return jar("authbench.csrJar", Defaults.csrJar(), "csr-app");
    }

    private static Path jar(String property, Path fallback, String module) {
        String value = System.getProperty(property, "");
        Path path = value.isBlank() ? fallback : Path.of(value);
        assertThat(Files.isRegularFile(path))
                .as(module + "'s jar is missing at " + path.toAbsolutePath() + "; run 'mvn -q -B -pl " + module
                        + " install -DskipTests' (or build from the root, which orders the reactor)")
                .isTrue();
        return path;
    }
}
