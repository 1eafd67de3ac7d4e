package io.authbench.support.tls;

import io.authbench.support.SupportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Chromium's trust in one run's authority, and in nothing else it would not trust anyway.
 *
 * <p>On Linux Chromium verifies server certificates against its built-in root store plus the roots a user added to
 * the NSS database {@code $HOME/.pki/nssdb}; no command-line flag adds a root. So each run gets a throwaway home
 * folder, {@code <run folder>/tls/chromium-home}, whose NSS database holds the run's root (trusted for TLS servers
 * only), made with NSS's own {@code certutil}; Chromium is started with {@code HOME} pointing there
 * ({@link #environment()}). Verification stays complete: chain, validity, host names, key usage. What is not done, on
 * purpose: {@code --ignore-certificate-errors} (accepts anything) and Playwright's {@code ignoreHTTPSErrors};
 * {@code --ignore-certificate-errors-spki-list} would work without {@code certutil}, but it skips every check for a
 * listed key, host name included, and it pins server keys, not an authority.
 *
 * <p>The folder holds certificates only (no private key); it stays with the run's files.
 */
public final class ChromiumTrust {
    static final String HOME_FOLDER = "chromium-home";
    static final String NICKNAME = "AuthBench run root";
    private static final long CERTUTIL_TIMEOUT_SECONDS = 60;
    /** certutil's output is a few lines; more than this is kept out of messages. */
    private static final int MAX_OUTPUT_CHARS = 4_000;

    private final Path home;

    private ChromiumTrust(Path home) {
        this.home = home;
    }

    /** Makes {@code <run>/tls/chromium-home/.pki/nssdb} trusting the run's root. Needs {@code certutil}. */
    public static ChromiumTrust create(RunAuthority authority) {
        return create(authority, certutil(System.getenv().getOrDefault("PATH", "")));
    }

    static ChromiumTrust create(RunAuthority authority, Path certutil) {
        Path home = authority.folder().resolve(HOME_FOLDER);
        Path database = home.resolve(".pki").resolve("nssdb");
        try {
            Files.createDirectories(database);
        } catch (IOException e) {
            throw new SupportException("Cannot create " + database + " (" + e + ").", e);
        }
        String db = "sql:" + database;
        run(certutil, List.of("-N", "-d", db, "--empty-password"));
        // "C,,": a trusted authority for TLS servers; not for e-mail or code signing.
        run(
                certutil,
                List.of(
                        "-A",
                        "-d",
                        db,
                        "-n",
                        NICKNAME,
                        "-t",
                        "C,,",
                        "-i",
                        authority.caCertificate().toString()));
        return new ChromiumTrust(home);
    }

    /** The throwaway home folder Chromium runs with. */
    public Path home() {
        return home;
    }

    /** What to add to Chromium's environment ({@code LaunchSettings.withEnvironment}). */
    public Map<String, String> environment() {
        return Map.of("HOME", home.toString());
    }

    /** The nicknames and trust flags of the database, as {@code certutil -L} lists them (for tests and checks). */
    public String listing() {
        return run(
                certutil(System.getenv().getOrDefault("PATH", "")),
                List.of("-L", "-d", "sql:" + home.resolve(".pki").resolve("nssdb")));
    }

    /** {@code certutil} on {@code path} (a PATH-style list), or one message with the Debian package to install. */
    static Path certutil(String path) {
        Optional<Path> found = Arrays.stream(path.split(":"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "certutil"))
                .filter(Files::isExecutable)
                .findFirst();
        return found.orElseThrow(() -> new SupportException("certutil (NSS's tool) was not found on the PATH; "
                + "Chromium's per-run trust in the run's certificate authority is made with it. Install it with: "
                + "apt-get install -y libnss3-tools"));
    }

    private static String run(Path certutil, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(certutil.toString());
        command.addAll(arguments);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(MAX_OUTPUT_CHARS), StandardCharsets.UTF_8);
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!process.waitFor(CERTUTIL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SupportException(
                        String.join(" ", command) + " did not finish within " + CERTUTIL_TIMEOUT_SECONDS + " s.");
            }
            if (process.exitValue() != 0) {
                throw new SupportException(String.join(" ", command) + " failed with exit code " + process.exitValue()
                        + ": " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new SupportException(
                    "Cannot run " + certutil + " (" + e.getMessage() + "). Install it with: "
                            + "apt-get install -y libnss3-tools",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupportException("Interrupted while running " + certutil + ".", e);
        }
    }
}
