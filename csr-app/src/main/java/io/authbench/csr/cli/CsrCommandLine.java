package io.authbench.csr.cli;

import io.authbench.tls.ServerTlsFiles;
import io.authbench.tls.TlsFileException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Parses and validates csr-app's flags. Defaults live only in the {@code @Option} annotations below, and
 * {@code --help} prints them from there, so the help text cannot drift from the code.
 */
public final class CsrCommandLine {

    static final String DEFAULT_PORT = "0";
    static final String DEFAULT_HOST = "127.0.0.1";
    static final String DEFAULT_PROJECT = "authbench";
    static final String DEFAULT_UPSTREAM_TIMEOUT = "5s";
    private static final Duration MAX_UPSTREAM_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

    // Appwrite custom ids: at most 36 chars of [a-zA-Z0-9._-], not starting with a special char.
    private static final Pattern PROJECT_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}");

    @Command(
            name = "csr-app",
            mixinStandardHelpOptions = true,
            version = "csr-app 0.1.0",
            sortOptions = false,
            description = "Serves the CSR variant of AuthBench: a static single-page app whose browser code signs in"
                    + " against Appwrite with the Web SDK (appwrite@16.1.0). The server holds no secret and never"
                    + " talks to Appwrite. Prints 'LISTENING <base-url>' once it accepts requests.")
    static final class Flags {
        @Option(
                names = "--port",
                paramLabel = "PORT",
                defaultValue = DEFAULT_PORT,
                description = "TCP port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
        String port;

        @Option(
                names = "--host",
                paramLabel = "HOST",
                defaultValue = DEFAULT_HOST,
                description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
        String host;

        @Option(
                names = "--appwrite-endpoint",
                paramLabel = "URL",
                required = true,
                description =
                        "Appwrite API endpoint as the BROWSER reaches it, e.g. http://localhost:8080/v1 (required).")
        String appwriteEndpoint;

        @Option(
                names = "--project",
                paramLabel = "ID",
                defaultValue = DEFAULT_PROJECT,
                description = "Appwrite project id (default: ${DEFAULT-VALUE}).")
        String project;

        @Option(
                names = "--upstream-timeout",
                paramLabel = "DURATION",
                defaultValue = DEFAULT_UPSTREAM_TIMEOUT,
                description = "Longest wait the page allows one Appwrite call, e.g. 500ms, 5s, 1m"
                        + " (default: ${DEFAULT-VALUE}).")
        String upstreamTimeout;

        @Option(names = "--request-log", description = "Print one line per request on stdout (default: off).")
        boolean requestLog;

        @Option(
                names = ServerTlsFiles.CERT_OPTION,
                paramLabel = "FILE",
                description = "PEM certificate chain, the app's own certificate first. With --tls-key: serve HTTPS"
                        + " with HTTP/2 (ALPN) instead of plain HTTP.")
        Path tlsCert;

        @Option(
                names = ServerTlsFiles.KEY_OPTION,
                paramLabel = "FILE",
                description = "PEM private key (unencrypted PKCS#8) of the --tls-cert certificate.")
        Path tlsKey;
    }

    private CsrCommandLine() {}

    /**
     * @return the options, or empty when {@code --help}/{@code --version} was asked for and {@code helpOut} got the text
     * @throws UsageException naming the bad flag and value
     */
    public static Optional<CsrOptions> parse(String[] args, StringBuilder helpOut) throws UsageException {
        Flags flags = new Flags();
        CommandLine commandLine = new CommandLine(flags);
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(e.getMessage());
        }
        if (commandLine.isUsageHelpRequested()) {
            helpOut.append(commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF));
            return Optional.empty();
        }
        if (commandLine.isVersionHelpRequested()) {
            helpOut.append(String.join(
                            System.lineSeparator(), commandLine.getCommandSpec().version()))
                    .append(System.lineSeparator());
            return Optional.empty();
        }
        return Optional.of(validate(flags));
    }

    private static CsrOptions validate(Flags flags) throws UsageException {
        int port;
        try {
            port = Integer.parseInt(flags.port.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--port: '" + flags.port + "' is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--port: " + port + " is out of range (0-65535; 0 picks a free port)");
        }
        if (flags.host.isBlank()) {
            throw new UsageException("--host: must not be empty (for example 127.0.0.1)");
        }
        if (!PROJECT_ID.matcher(flags.project).matches()) {
            throw new UsageException("--project: '" + flags.project
                    + "' is not an Appwrite project id (1-36 letters, digits, '.', '-' or '_')");
        }
        return new CsrOptions(
                port,
                flags.host.trim(),
                endpoint(flags.appwriteEndpoint),
                flags.project,
                upstreamTimeout(flags.upstreamTimeout),
                flags.requestLog,
                tls(flags));
    }

    /** Both files read and checked now, so a bad pair is a usage error before the ready line. */
    private static ServerTlsFiles tls(Flags flags) throws UsageException {
        try {
            ServerTlsFiles tls = ServerTlsFiles.of(flags.tlsCert, flags.tlsKey).orElse(null);
            if (tls != null) {
                tls.sslContext();
            }
            return tls;
        } catch (IllegalArgumentException | TlsFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    // The same syntax and range as ssr-app's --upstream-timeout: 500ms, 5s, 1m, or ISO-8601 (PT5S).
    private static Duration upstreamTimeout(String value) throws UsageException {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher m = SHORT_DURATION.matcher(text);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            duration = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        } else {
            try {
                duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new UsageException(
                        "--upstream-timeout: '" + value + "' is not a duration such as 500ms, 5s or 1m");
            }
        }
        if (duration.isZero() || duration.isNegative() || duration.compareTo(MAX_UPSTREAM_TIMEOUT) > 0) {
            throw new UsageException("--upstream-timeout: '" + value + "' is out of range (more than 0, at most 10m)");
        }
        return duration;
    }

    private static URI endpoint(String value) throws UsageException {
        String problem =
                "--appwrite-endpoint: '" + value + "' is not an absolute http(s) URL such as http://localhost:8080/v1";
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new UsageException(problem);
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new UsageException(problem);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new UsageException("--appwrite-endpoint: '" + value
                    + "' must not carry credentials, a query or a fragment (for example http://localhost:8080/v1)");
        }
        // The SDK appends paths to the endpoint string, so a trailing slash would produce "//account".
        String normalized = uri.toString().replaceAll("/+$", "");
        return URI.create(normalized);
    }
}
