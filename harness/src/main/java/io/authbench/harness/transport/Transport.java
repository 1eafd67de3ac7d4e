package io.authbench.harness.transport;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How every browser-facing party is served ({@code --transport}): plain HTTP/1.1, or TLS with HTTP/2 where the server
 * offers it. TLS ends in each server behind its link (the emulator, ssr-app, csr-app), so a handshake's bytes cross the
 * emulated link and pay its round trips (docs/architecture.md#tls).
 */
public enum Transport {
    /** Today's default: plain HTTP/1.1 everywhere. */
    HTTP("http"),
    /** A per-run certificate authority; each server serves HTTPS with HTTP/2 through ALPN. */
    HTTPS("https");

    private final String code;

    Transport(String code) {
        this.code = code;
    }

    /** The value of {@code --transport} and of {@code config.settings.transport}: also the URL scheme. */
    public String code() {
        return code;
    }

    public boolean tls() {
        return this == HTTPS;
    }

    /**
     * Parses {@code --transport}; blank is the default, {@link #HTTP}.
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static Transport parse(String text) {
        if (text == null || text.isBlank()) {
            return HTTP;
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.code.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text.trim() + "' is not a transport; use "
                        + Arrays.stream(values()).map(Transport::code).collect(Collectors.joining(" or "))
                        + " (default http)."));
    }
}
