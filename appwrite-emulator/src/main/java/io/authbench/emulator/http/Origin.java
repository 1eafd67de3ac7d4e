package io.authbench.emulator.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The browser origin of a request: the {@code Origin} header, else the {@code Referer}, as Appwrite reads it.
 *
 * @param scheme {@code ""} if unknown
 * @param host lower-case, {@code ""} when the request names no origin (server SDKs)
 * @param port {@code -1} if absent
 */
public record Origin(String scheme, String host, int port) {
    public static final Origin NONE = new Origin("", "", -1);

    public static Origin of(ApiRequest request) {
        String value = request.header("Origin");
        if (value == null || value.isBlank() || value.equals("null")) {
            value = request.header("Referer");
        }
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            URI uri = new URI(value.strip());
            String host = uri.getHost();
            if (host == null) {
                return NONE;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return new Origin(scheme, host.toLowerCase(Locale.ROOT), uri.getPort());
        } catch (URISyntaxException e) {
            return NONE;
        }
    }

    public boolean isPresent() {
        return !host.isEmpty();
    }
}
