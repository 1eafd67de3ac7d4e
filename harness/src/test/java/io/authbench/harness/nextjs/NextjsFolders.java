package io.authbench.harness.nextjs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Copies of the repository's {@code nextjs/} folder as {@link NextjsApps#locate} sees it: the real target files, and
 * (on request) the files a built app has, without building anything.
 */
public final class NextjsFolders {
    private NextjsFolders() {}

    /** The repository's nextjs/ folder, from the harness module folder (Maven) or the repository root. */
    public static Path repository() {
        for (Path folder : new Path[] {Path.of("..", "nextjs"), Path.of("nextjs")}) {
            if (Files.isRegularFile(folder.resolve("ssr/target.json"))) {
                return folder.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(
                "nextjs/ssr/target.json not found from " + Path.of("").toAbsolutePath());
    }

    /** {@code dir/ssr} and {@code dir/csr} with the real target files only: as in a fresh clone, nothing built. */
    public static Path unbuilt(Path dir) throws IOException {
        for (String app : new String[] {"ssr", "csr"}) {
            Files.createDirectories(dir.resolve(app));
            Files.copy(
                    repository().resolve(app).resolve("target.json"),
                    dir.resolve(app).resolve("target.json"));
        }
        return dir;
    }

    /** As {@link #unbuilt}, plus for {@code apps} what npm ci and next build leave (the next binary, BUILD_ID, versions). */
    public static Path built(Path dir, String... apps) throws IOException {
        unbuilt(dir);
        for (String app : apps) {
            Path root = dir.resolve(app);
            Files.createDirectories(root.resolve("node_modules/next/dist/bin"));
            Files.writeString(root.resolve("node_modules/next/dist/bin/next"), "// stand-in\n");
            Files.writeString(
                    root.resolve("node_modules/next/package.json"), "{\"name\": \"next\", \"version\": \"16.4.6\"}");
            String sdk = app.equals("ssr") ? "node-appwrite" : "appwrite";
            Files.createDirectories(root.resolve("node_modules").resolve(sdk));
            Files.writeString(
                    root.resolve("node_modules").resolve(sdk).resolve("package.json"),
                    "{\"name\": \"" + sdk + "\", \"version\": \"" + (app.equals("ssr") ? "14.2.0" : "16.1.0") + "\"}");
            Files.createDirectories(root.resolve(".next"));
            Files.writeString(root.resolve(".next/BUILD_ID"), "test-build\n");
        }
        return dir;
    }

    /** An executable that answers {@code node -p process.versions.node} with {@code version}, like node would. */
    public static String fakeNode(Path dir, String version) throws IOException {
        Path script = dir.resolve("node-" + version);
        Files.writeString(script, "#!/bin/sh\necho " + version + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }
}
