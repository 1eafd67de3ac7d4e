package io.authbench.ssr.cli;

import io.authbench.ssr.SsrConfig;
import io.authbench.ssr.appwrite.ApiKey;
import io.authbench.ssr.http.InjectedDelay;
import io.authbench.ssr.session.CookiePolicy;
import io.authbench.tls.ServerTlsFiles;
import io.authbench.tls.TlsContexts;
import io.authbench.tls.TlsFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The command line of {@code ssr-app}: flags → {@link SsrConfig}. The API key comes from a file or the
 * {@value #API_KEY_VARIABLE} variable, never from an argument (arguments are visible to every user of the machine).
 */
@Command(
        name = SsrCommandLine.NAME,
        mixinStandardHelpOptions = true,
        version = "ssr-app 0.1.0",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "The SSR pattern of AuthBench: signs users in through Appwrite with the Java/Kotlin SDK and"
                + " renders their pages on the server. Prints 'LISTENING <url>' on stdout once it accepts requests.",
        footer = {
            "",
            "The API key (scope sessions.write) comes from --api-key-file or the environment variable "
                    + SsrCommandLine.API_KEY_VARIABLE + "; it is never accepted as an argument."
        })
public final class SsrCommandLine {
    public static final String NAME = "ssr-app";
    public static final String API_KEY_VARIABLE = "APPWRITE_API_KEY";

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "0",
            converter = Converters.Port.class,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
    String host;

    @Option(
            names = "--appwrite-endpoint",
            paramLabel = "URL",
            required = true,
            converter = Converters.Endpoint.class,
            description = "Appwrite's API base, for example http://localhost:1234/v1 (required).")
    URI endpoint;

    @Option(
            names = "--project",
            paramLabel = "ID",
            defaultValue = "authbench",
            converter = Converters.ProjectId.class,
            description = "Appwrite project id (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(
            names = "--api-key-file",
            paramLabel = "FILE",
            description = "File holding the Appwrite API key (default: the " + API_KEY_VARIABLE + " variable).")
    Path apiKeyFile;

    @Option(
            names = "--upstream-timeout",
            paramLabel = "DURATION",
            defaultValue = "5s",
            converter = Converters.Timeout.class,
            description = "Longest wait for one Appwrite call, e.g. 500ms, 5s, 1m (default: ${DEFAULT-VALUE}).")
    Duration upstreamTimeout;

    @Option(names = "--request-log", description = "Log one line per request (default: off).")
    boolean requestLog;

    @Option(
            names = "--secure-cookies",
            paramLabel = "auto|always|never",
            defaultValue = "auto",
            converter = Converters.Policy.class,
            description = "Mark the session cookie Secure: auto = when the request came over https or with"
                    + " X-Forwarded-Proto: https (default: ${DEFAULT-VALUE}).")
    CookiePolicy cookiePolicy;

    @Option(
            names = ServerTlsFiles.CERT_OPTION,
            paramLabel = "FILE",
            description = "PEM certificate chain, the app's own certificate first. With --tls-key: serve HTTPS with"
                    + " HTTP/2 (ALPN) instead of plain HTTP.")
    Path tlsCert;

    @Option(
            names = ServerTlsFiles.KEY_OPTION,
            paramLabel = "FILE",
            description = "PEM private key (unencrypted PKCS#8) of the --tls-cert certificate.")
    Path tlsKey;

    @Option(
            names = "--appwrite-ca",
            paramLabel = "FILE",
            description = "PEM certificate authority to verify an https Appwrite endpoint against, instead of the"
                    + " JDK's public ones (default: the JDK's). Verification stays on.")
    Path appwriteCa;

    @Option(
            names = "--inject-delay",
            paramLabel = "PATH:DURATION",
            converter = Converters.Delay.class,
            description = "Make every request for PATH wait DURATION before it is handled, e.g. /dashboard:50ms"
                    + " (repeatable, one per path; at most 10s). A deliberate slowdown for checking that a"
                    + " regression check finds it; shown as 'injected-delay' in the response's Server-Timing"
                    + " (default: none).")
    List<InjectedDelay> injectedDelays = new ArrayList<>();

    private SsrCommandLine() {}

    /** The outcome of parsing: either a configuration to run, or help/version text that was already printed. */
    public record Parsed(Optional<SsrConfig> config) {}

    /**
     * Parses the arguments. Help and version go to {@code out}; nothing else is printed.
     *
     * @param environment the process environment (for {@value #API_KEY_VARIABLE})
     * @throws UsageException with the one line to show, for any flag or key problem
     */
    public static Parsed parse(String[] args, Map<String, String> environment, PrintWriter out) throws UsageException {
        SsrCommandLine options = new SsrCommandLine();
        CommandLine commandLine = new CommandLine(options);
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(describe(e));
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(out);
            out.flush();
            return new Parsed(Optional.empty());
        }
        if (commandLine.isVersionHelpRequested()) {
            commandLine.printVersionHelp(out);
            out.flush();
            return new Parsed(Optional.empty());
        }
        ApiKey apiKey = options.readApiKey(environment);
        ServerTlsFiles tls = options.readTls();
        options.checkAppwriteCa();
        options.checkInjectedDelays();
        return new Parsed(Optional.of(new SsrConfig(
                options.host,
                options.port,
                options.endpoint,
                options.project,
                apiKey,
                options.upstreamTimeout,
                options.requestLog,
                options.cookiePolicy,
                tls,
                options.appwriteCa,
                options.injectedDelays)));
    }

    /** Both files read and checked now, so a bad pair is a usage error before the ready line. */
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

    private void checkAppwriteCa() throws UsageException {
        if (appwriteCa == null) {
            return;
        }
        if (!"https".equals(endpoint.getScheme())) {
            throw new UsageException("--appwrite-ca: the Appwrite endpoint " + endpoint + " is not https, so there is"
                    + " no certificate to verify; give an https:// --appwrite-endpoint or drop --appwrite-ca");
        }
        try {
            TlsContexts.trustManager(appwriteCa);
        } catch (TlsFileException e) {
            throw new UsageException("--appwrite-ca: " + e.getMessage());
        }
    }

    private void checkInjectedDelays() throws UsageException {
        Set<String> paths = new HashSet<>();
        for (InjectedDelay delay : injectedDelays) {
            if (!paths.add(delay.path())) {
                throw new UsageException("--inject-delay: " + delay.path() + " is given twice; give each path once,"
                        + " with the one delay it should get");
            }
        }
    }

    /** The form docs/CONVENTIONS.md asks for: {@code --port: 'abc' is not a number}. */
    private static String describe(CommandLine.ParameterException e) {
        if (e.getCause() instanceof CommandLine.TypeConversionException conversion
                && e.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + ": " + conversion.getMessage();
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            // Name unknown flags only: a stray value could be a secret someone tried to pass as an argument.
            List<String> flags = unmatched.getUnmatched().stream()
                    .filter(arg -> arg.startsWith("-"))
                    .map(arg -> "'" + arg.split("=", 2)[0] + "'")
                    .toList();
            String hint = flags.stream().anyMatch(flag -> flag.contains("key"))
                    ? " (the API key is read from --api-key-file or " + API_KEY_VARIABLE + ", never from an argument)"
                    : "";
            return flags.isEmpty()
                    ? "unexpected argument; this app takes flags only"
                    : "unknown option " + String.join(", ", flags) + hint;
        }
        String message = e.getMessage();
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    private ApiKey readApiKey(Map<String, String> environment) throws UsageException {
        String key;
        String source;
        if (apiKeyFile != null) {
            source = "--api-key-file: " + apiKeyFile;
            try {
                key = Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UsageException(
                        source + " cannot be read (" + e.getClass().getSimpleName()
                                + "); write the API key into that file or set " + API_KEY_VARIABLE);
            }
        } else {
            source = API_KEY_VARIABLE;
            key = environment.getOrDefault(API_KEY_VARIABLE, "").strip();
            if (key.isEmpty()) {
                throw new UsageException("no API key: pass --api-key-file FILE or set " + API_KEY_VARIABLE
                        + " (an Appwrite key with the sessions.write scope)");
            }
        }
        if (key.isEmpty()) {
            throw new UsageException(source + " is empty; it must hold the Appwrite API key (scope sessions.write)");
        }
        if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new UsageException(source + " must hold only the API key: it contains spaces, line breaks or"
                    + " non-ASCII characters");
        }
        return new ApiKey(key);
    }
}
