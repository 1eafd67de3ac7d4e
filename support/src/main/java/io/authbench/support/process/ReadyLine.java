package io.authbench.support.process;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** The readiness contract of docs/CONVENTIONS.md: one stdout line {@code LISTENING <base-url>}. */
final class ReadyLine {
    static final String PREFIX = "LISTENING ";

    private ReadyLine() {}

    static boolean isReadyLine(String line) {
        return line.startsWith(PREFIX);
    }

    /** The URL of a ready line, or empty if it is not an absolute http(s) URL with a host and port. */
    static Optional<URI> url(String line) {
        String text = line.substring(PREFIX.length()).trim();
        try {
            URI uri = new URI(text);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null && uri.getPort() > 0 ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
