package io.authbench.csr.browser;

import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import io.authbench.support.process.TestClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Starts the real processes the browser tests need: the emulator and csr-app, each its own JVM on port 0. */
final class Servers {
    static final String PROJECT = "authbench";

    private Servers() {}

    /** A random API key in a file only the owner can read (keys never go on a command line). */
    static Path writeApiKeyFile(Path dir) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(
                    dir,
                    "api-key",
                    ".txt",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "standard_" + HexFormat.of().formatHex(secret) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test API key under " + dir, e);
        }
    }

    static String readApiKey(Path keyFile) {
        try {
            return Files.readString(keyFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The emulator, with fast password hashing (the tests measure nothing) and 127.0.0.1 registered as a web
     * platform, so a page served from 127.0.0.1 may call it (the cookie-fallback test).
     */
    static ServerProcess startEmulator(String name, Path keyFile, Path logDir) {
        return ServerProcess.start(
                ServerSpec.javaMain(
                        name,
                        TestClasspath.current(),
                        "io.authbench.emulator.EmulatorMain",
                        List.of(
                                "--port",
                                "0",
                                "--project",
                                PROJECT,
                                "--api-key-file",
                                keyFile.toString(),
                                "--password-hash",
                                "fast",
                                "--platform",
                                "127.0.0.1")),
                logDir);
    }

    /** This app, started from its main class with its real flags. */
    static ServerProcess startCsrApp(String name, URI appwriteEndpoint, Path logDir, String... extraArgs) {
        List<String> args = new ArrayList<>(
                List.of("--port", "0", "--appwrite-endpoint", appwriteEndpoint.toString(), "--project", PROJECT));
        args.addAll(List.of(extraArgs));
        return ServerProcess.start(
                ServerSpec.javaMain(name, TestClasspath.current(), "io.authbench.csr.CsrMain", args), logDir);
    }

    /**
     * The emulator's API base as the browser should use it: host name {@code localhost}, so cookies are
     * same-site with a page on {@code localhost} (docs/measurement-model.md#cookies-across-hosts).
     */
    static URI onLocalhost(URI url) {
        return URI.create(url.getScheme() + "://localhost:" + url.getPort() + url.getRawPath());
    }

    static URI withHost(URI url, String host) {
        return URI.create(url.getScheme() + "://" + host + ":" + url.getPort());
    }
}
