package io.authbench.emulator;

import io.authbench.emulator.auth.ApiKey;
import io.authbench.emulator.config.EmulatorConfig;
import io.authbench.emulator.config.Flags;
import io.authbench.emulator.crypto.PasswordHashing;
import io.authbench.emulator.model.Ids;
import io.authbench.tls.ServerTlsFiles;
import io.authbench.tls.TlsFileException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar appwrite-emulator.jar [flags]}: starts the emulator and prints {@code LISTENING <base-url>} as its
 * first stdout line once it accepts requests. Exit codes: 0 after {@code --help}; 1 if the server cannot start;
 * 2 for a bad flag or value (one line on stderr naming it).
 */
@Command(
        name = "appwrite-emulator",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "An Appwrite 1.6-compatible auth API (users, email sessions, account, sessions) for AuthBench.%n"
                + "The API key is read from --api-key-file or the environment variable "
                + EmulatorMain.API_KEY_ENV + ", never from the command line.")
public final class EmulatorMain implements Callable<Integer> {
    static final String API_KEY_ENV = "APPWRITE_EMULATOR_API_KEY";
    private static final String NAME = "appwrite-emulator";
    private static final int EXIT_START_FAILED = 1;
    private static final int EXIT_USAGE = 2;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "TCP port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = EmulatorConfig.DEFAULT_HOST,
            description = "Address to bind; loopback by default (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--project",
            paramLabel = "ID",
            defaultValue = EmulatorConfig.DEFAULT_PROJECT,
            description = "The project id clients send in X-Appwrite-Project; lower case keeps cookie names simple "
                    + "(default: ${DEFAULT-VALUE}).")
    String projectId;

    @Option(
            names = "--api-key-file",
            paramLabel = "FILE",
            description = "File whose first line is the API key's secret. Without it (and without " + API_KEY_ENV
                    + ") key-authenticated calls get user_unauthorized.")
    Path apiKeyFile;

    @Option(
            names = "--api-key-scopes",
            paramLabel = "SCOPES",
            split = ",",
            defaultValue = "users.read,users.write,sessions.write",
            description = "Comma-separated scopes of the API key (default: ${DEFAULT-VALUE}).")
    List<String> apiKeyScopes;

    @Option(
            names = "--api-key-expires-at",
            paramLabel = "INSTANT",
            description = "Expiry of the API key as an ISO-8601 instant such as 2026-01-01T00:00:00Z; after it, "
                    + "key calls get project_key_expired (default: never).")
    String apiKeyExpiresAt;

    @Option(
            names = "--platform",
            paramLabel = "HOST",
            description = "Repeatable. Extra web-platform host allowed as a browser origin (*.example.com and * "
                    + "work); localhost and the API's own host are always allowed.")
    List<String> platforms = new ArrayList<>();

    @Option(
            names = "--password-hash",
            paramLabel = "appwrite|fast",
            defaultValue = "appwrite",
            converter = Flags.PasswordHashingConverter.class,
            description = "Password hashing of new users: appwrite = argon2id m=65536,t=4,p=3 (Appwrite's real cost); "
                    + "fast = argon2id m=1024,t=1,p=1 (default: ${DEFAULT-VALUE}).")
    PasswordHashing passwordHashing;

    @Option(
            names = "--rate-limits",
            paramLabel = "on|off",
            defaultValue = "on",
            description = "Appwrite's abuse limits (10 logins per email per hour, ...); the X-RateLimit-* headers "
                    + "are sent either way (default: ${DEFAULT-VALUE}).")
    String rateLimits;

    @Option(
            names = "--request-log",
            description = "Print one line per request on stdout: method, path, status, time (default: off).")
    boolean requestLog;

    @Option(
            names = "--session-duration",
            paramLabel = "DURATION",
            defaultValue = "365d",
            converter = Flags.DurationConverter.class,
            description = "Lifetime of new sessions, e.g. 365d, 1h, 30s, 500ms (default: ${DEFAULT-VALUE}).")
    Duration sessionDuration;

    @Option(
            names = "--max-body-bytes",
            paramLabel = "BYTES",
            defaultValue = "65536",
            description = "Larger request bodies get 413 (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes;

    @Option(
            names = "--trusted-ip-headers",
            paramLabel = "NAMES",
            split = ",",
            defaultValue = "x-forwarded-for",
            description = "Request headers whose first address is the client IP for rate limits and sessions, as "
                    + "Appwrite's _APP_TRUSTED_HEADERS; '' trusts none and uses the connection's address. Any "
                    + "client can send these headers: trust them only behind a proxy that sets them "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> trustedIpHeaders;

    @Option(
            names = ServerTlsFiles.CERT_OPTION,
            paramLabel = "FILE",
            description = "PEM certificate chain, the emulator's own certificate first. With --tls-key: serve HTTPS "
                    + "with HTTP/2 (ALPN) instead of plain HTTP.")
    Path tlsCert;

    @Option(
            names = ServerTlsFiles.KEY_OPTION,
            paramLabel = "FILE",
            description = "PEM private key (unencrypted PKCS#8) of the --tls-cert certificate.")
    Path tlsKey;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private EmulatorServer server;

    EmulatorMain(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** Held so the JUL configuration is not garbage-collected with the loggers. */
    private static final Logger[] QUIET_LOGGERS = {Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio")};

    public static void main(String[] args) {
        // Undertow and XNIO announce their versions at INFO on stderr; keep stderr for things that matter.
        for (Logger logger : QUIET_LOGGERS) {
            logger.setLevel(Level.WARNING);
        }
        EmulatorMain main = new EmulatorMain(System.out, System.err, System.getenv());
        int code = main.run(args);
        if (code != 0) {
            System.exit(code);
        }
        if (main.server != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(main.server::close, "emulator-shutdown"));
        }
        // The server's non-daemon threads keep the process alive until it is killed.
    }

    /** Parses, validates and starts; returns the exit code (0 also when the server is now running). */
    int run(String... args) {
        CommandLine commandLine = new CommandLine(this)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler((e, ignored) -> usageError(e.getMessage()));
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        EmulatorConfig config;
        try {
            config = toConfig();
        } catch (UsageException e) {
            return usageError(e.getMessage());
        }
        try {
            server = new EmulatorServer(config).start();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            err.println(NAME + ": cannot listen on " + config.host() + ":" + config.port() + ": " + cause.getMessage()
                    + ". Pick another --port (0 chooses a free one) or --host.");
            return EXIT_START_FAILED;
        }
        // The readiness line is the first thing on stdout, by contract (docs/CONVENTIONS.md).
        out.println("LISTENING " + server.baseUrl());
        out.flush();
        if (config.apiKey() == null) {
            err.println(NAME + ": no API key configured (--api-key-file or " + API_KEY_ENV
                    + "): key-authenticated calls will get user_unauthorized.");
        }
        err.println(NAME + ": project '" + config.projectId() + "', passwords "
                + config.passwordHashing().describe()
                + ", rate limits " + (config.rateLimits() ? "on" : "off") + ", sessions last "
                + sessionDuration.toSeconds() + " s.");
        return 0;
    }

    private EmulatorConfig toConfig() throws UsageException {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port: '" + port + "' is not a port number between 0 and 65535");
        }
        if (projectId.equals(Projects.CONSOLE_ID) || !Ids.isValidCustomId(projectId)) {
            throw new UsageException("--project: '" + projectId + "' is not a valid project id (at most 36 chars of "
                    + "a-z, A-Z, 0-9, '.', '-', '_', not starting with a special char, and not 'console')");
        }
        if (maxBodyBytes < 1_024 || maxBodyBytes > 16 * 1024 * 1024) {
            throw new UsageException("--max-body-bytes: '" + maxBodyBytes + "' is not between 1024 and 16777216");
        }
        boolean rateLimitsOn = switch (rateLimits.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UsageException("--rate-limits: '" + rateLimits + "' is not one of on, off");
        };
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : apiKeyScopes) {
            if (!scope.isBlank()) {
                scopes.add(scope.strip());
            }
        }
        Instant expiresAt = null;
        if (apiKeyExpiresAt != null) {
            try {
                expiresAt = Instant.parse(apiKeyExpiresAt);
            } catch (DateTimeParseException e) {
                throw new UsageException("--api-key-expires-at: '" + apiKeyExpiresAt + "' is not an ISO-8601 instant "
                        + "such as 2026-01-01T00:00:00Z");
            }
        }
        for (String platform : platforms) {
            if (platform.isBlank() || platform.contains("/") || platform.contains(":")) {
                throw new UsageException("--platform: '" + platform + "' is not a host name (no scheme, port or "
                        + "path, e.g. app.example.com)");
            }
        }
        ServerTlsFiles tls = readTls();
        String secret = readApiKeySecret();
        ApiKey apiKey = secret == null ? null : new ApiKey(secret, Set.copyOf(scopes), expiresAt);
        return new EmulatorConfig(
                host,
                port,
                projectId,
                apiKey,
                platforms.stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).toList(),
                passwordHashing,
                rateLimitsOn,
                requestLog,
                sessionDuration,
                maxBodyBytes,
                trustedIpHeaders.stream()
                        .map(h -> h.strip().toLowerCase(Locale.ROOT))
                        .filter(h -> !h.isEmpty())
                        .toList(),
                tls);
    }

    /** Both TLS files read and checked now, so a bad pair is a usage error before the ready line. */
    private ServerTlsFiles readTls() throws UsageException {
        try {
            ServerTlsFiles tls = ServerTlsFiles.of(tlsCert, tlsKey).orElse(null);
            if (tls != null) {
                tls.sslContext();
            }
            return tls;
        } catch (IllegalArgumentException | TlsFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private String readApiKeySecret() throws UsageException {
        if (apiKeyFile != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(apiKeyFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("--api-key-file: cannot read '" + apiKeyFile + "' ("
                        + e.getClass().getSimpleName() + "); give a readable file whose first line is the key");
            }
            String secret = lines.isEmpty() ? "" : lines.get(0).strip();
            if (secret.isEmpty()) {
                throw new UsageException("--api-key-file: the first line of '" + apiKeyFile + "' is empty; put the "
                        + "key's secret on it");
            }
            return secret;
        }
        String fromEnv = env.get(API_KEY_ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
    }

    private int usageError(String message) {
        err.println(NAME + ": " + message + ". Run with --help for usage.");
        return EXIT_USAGE;
    }

    /** A bad flag value, reported as one line and exit code 2. */
    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** The running server, for tests that start the emulator through {@link #run}. */
    EmulatorServer server() {
        return server;
    }
}
