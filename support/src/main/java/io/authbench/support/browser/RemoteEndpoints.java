package io.authbench.support.browser;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks and describes the URLs of remote browsers: a Playwright server's WebSocket endpoint and a Selenium Grid
 * hub. {@link #redacted(URI)} is the form that may be printed or recorded: a grid URL may carry a user name and
 * password ({@code https://user:key@hub.example/wd/hub}) or a token in its query, neither of which belongs in a log
 * or a results file.
 */
public final class RemoteEndpoints {
    private static final Set<String> WEB_SOCKET = Set.of("ws", "wss");
    private static final Set<String> HTTP = Set.of("http", "https");

    private RemoteEndpoints() {}

    /**
     * A Playwright server endpoint such as {@code ws://browsers.lan:3000/}.
     *
     * @throws IllegalArgumentException naming what is wrong (the message never repeats credentials)
     */
    public static URI playwrightServer(String text) {
        return parse(
                text,
                WEB_SOCKET,
                "a Playwright server's WebSocket URL such as ws://127.0.0.1:3000/ (what"
                        + " 'run-server' prints after 'Listening on')");
    }

    /**
     * A Selenium Grid 4 hub such as {@code http://grid.lan:4444} (a trailing {@code /wd/hub} is kept as given).
     *
     * @throws IllegalArgumentException naming what is wrong (the message never repeats credentials)
     */
    public static URI seleniumGrid(String text) {
        return parse(text, HTTP, "a Selenium Grid hub URL such as http://127.0.0.1:4444");
    }

    /** The URL without user information, query or fragment: safe for logs, messages and results. */
    public static String redacted(URI url) {
        StringBuilder text =
                new StringBuilder().append(url.getScheme()).append("://").append(url.getHost());
        if (url.getPort() >= 0) {
            text.append(':').append(url.getPort());
        }
        String path = url.getRawPath();
        text.append(path == null || path.isEmpty() ? "/" : path);
        return text.toString();
    }

    private static URI parse(String text, Set<String> schemes, String expected) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("no URL given; expected " + expected + ".");
        }
        if (!trimmed.contains("://")) {
            throw new IllegalArgumentException("it has no scheme; expected " + expected + ".");
        }
        URI url;
        try {
            url = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + "); expected " + expected + ".");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new IllegalArgumentException("the scheme must be "
                    + String.join(" or ", schemes.stream().sorted().toList())
                    + (scheme.isEmpty() ? ", and there is none" : ", not " + scheme) + "; expected " + expected + ".");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("there is no host name in it; expected " + expected + ".");
        }
        return url;
    }
}
