package io.authbench.harness.apptarget;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code targets/} folder, from the module folder (Maven) or the repository root. */
public final class TargetFiles {
    private TargetFiles() {}

    public static Path bundled(String name) {
        for (Path folder : new Path[] {Path.of("..", "targets"), Path.of("targets")}) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                return file.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(
                "targets/" + name + " not found from " + Path.of("").toAbsolutePath());
    }
}
