package io.authbench.harness.codesize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the apps' sources are, for the code-size proxy: the harness runs from a jar, so it has to be told (or find
 * them in the working directory, which is the repository root when Maven or a user at the root runs it).
 */
public final class SourceRoot {
    private SourceRoot() {}

    /** {@code explicit} if given, else the current directory; empty when that folder lacks ssr-app/ or csr-app/. */
    public static Optional<Path> resolve(Path explicit) {
        Path candidate =
                (explicit != null ? explicit : Path.of("")).toAbsolutePath().normalize();
        return holdsSources(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    static boolean holdsSources(Path folder) {
        return Files.isDirectory(folder.resolve("ssr-app")) && Files.isDirectory(folder.resolve("csr-app"));
    }
}
