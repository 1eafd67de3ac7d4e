package io.authbench.support.process;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code java} launcher of the JVM running this code, so children run on the same JDK as their parent. */
final class JavaExecutable {
    private JavaExecutable() {}

    static Path current() {
        // The launcher that started us is the most faithful choice; java.home is the fallback because
        // ProcessHandle.Info may be empty on some platforms.
        return ProcessHandle.current()
                .info()
                .command()
                .map(Path::of)
                .filter(Files::isExecutable)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }
}
