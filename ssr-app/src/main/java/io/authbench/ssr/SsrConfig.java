package io.authbench.ssr;

import io.authbench.ssr.appwrite.ApiKey;
import io.authbench.ssr.http.InjectedDelay;
import io.authbench.ssr.session.CookiePolicy;
import io.authbench.tls.ServerTlsFiles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the server needs to run, resolved from the command line (see {@code cli.SsrCommandLine}).
 *
 * @param host             the address to listen on (default 127.0.0.1: loopback only)
 * @param port             the port, 0 = any free one (the chosen one is in the LISTENING line)
 * @param endpoint         Appwrite's API base, e.g. {@code http://localhost:1234/v1}, without a trailing slash
 * @param project          the Appwrite project id
 * @param apiKey           the admin client's key (scope {@code sessions.write}); never printed
 * @param upstreamTimeout  the most one Appwrite call may take before the user gets an error page
 * @param requestLog       one log line per request (off by default: logging costs time under load)
 * @param cookiePolicy     when the session cookie is Secure
 * @param tls              {@code null}: plain HTTP/1.1 (the default); otherwise HTTPS with HTTP/2 offered via ALPN
 * @param appwriteCa       PEM authorities an https {@code endpoint} is verified against; {@code null}: the JDK's
 * @param injectedDelays   deliberate slowdowns of single pages ({@code --inject-delay}); empty by default
 */
public record SsrConfig(
        String host,
        int port,
        URI endpoint,
        String project,
        ApiKey apiKey,
        Duration upstreamTimeout,
        boolean requestLog,
        CookiePolicy cookiePolicy,
        ServerTlsFiles tls,
        Path appwriteCa,
        List<InjectedDelay> injectedDelays) {

    public SsrConfig {
        injectedDelays = injectedDelays == null ? List.of() : List.copyOf(injectedDelays);
    }
}
