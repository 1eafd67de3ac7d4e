package io.authbench.harness.transport;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which host names the browser uses for the apps and for Appwrite ({@code --sites}), so that "same site" and "cross
 * site" are a choice, not an accident of the set-up.
 *
 * <p>Whether Appwrite sends {@code X-Fallback-Cookies} depends on whether the app's origin and the API share a
 * registrable domain, decided with the Public Suffix List (docs/appwrite-behaviour.md#x-fallback-cookies). Names under
 * {@code .test}, {@code .localhost} or {@code .example} have no registrable domain on that list, so Appwrite would send
 * the fallback for {@code app.authbench.test} next to {@code api.authbench.test} too. The named sites therefore use
 * the documentation domains of RFC 2606 under real public suffixes: {@code example.com} and {@code example.net}.
 * Chromium resolves them to the links itself ({@code --host-resolver-rules}); no DNS is asked and no system file is
 * edited, and the harness's own Java clients reach the servers at 127.0.0.1.
 */
public enum Sites {
    /**
     * The default: one host name for the apps and Appwrite, {@code localhost} (or {@code --public-host}), as before
     * the option existed. Appwrite cannot verify {@code localhost}: the CSR session takes the fallback path.
     */
    LOCALHOST("localhost", null, null),
    /**
     * Appwrite on a custom domain next to the app ({@code api.example.com} beside {@code app.example.com}): one site,
     * Appwrite verifies the shared domain and sends no fallback; CSR's session stays in the first-party cookie.
     */
    SAME("same", "app.example.com", "api.example.com"),
    /**
     * Appwrite on a site of its own, as Appwrite Cloud without a custom domain ({@code appwrite.example.net}): its
     * cookie is a third-party cookie and Appwrite sends {@code X-Fallback-Cookies}, which the Web SDK keeps in
     * {@code localStorage}.
     */
    CROSS("cross", "app.example.com", "appwrite.example.net");

    private final String code;
    private final String appHost;
    private final String appwriteHost;

    Sites(String code, String appHost, String appwriteHost) {
        this.code = code;
        this.appHost = appHost;
        this.appwriteHost = appwriteHost;
    }

    /** The value of {@code --sites} and of {@code config.settings.sites}. */
    public String code() {
        return code;
    }

    /** True for {@link #SAME} and {@link #CROSS}: fixed host names that Chromium maps to the links. */
    public boolean named() {
        return appHost != null;
    }

    /** The apps' host name in browser URLs; null for {@link #LOCALHOST} (the public host decides). */
    public String appHost() {
        return appHost;
    }

    /** Appwrite's host name in browser URLs; null for {@link #LOCALHOST} (the public host decides). */
    public String appwriteHost() {
        return appwriteHost;
    }

    /**
     * True when CSR's session reaches the page only through {@code X-Fallback-Cookies}: Appwrite cannot verify a shared
     * registrable domain, so it sends the header, and Chromium keeps none of its cookies, which are third-party
     * cookies there (a {@code SameSite=None} one is refused as third-party, the legacy one, {@code Lax} by default, is
     * never set from another site's page). Observed with the Chromium the harness launches; the flows that start
     * signed in then set up the {@code localStorage} entry instead of cookies, and the session check reads it. On
     * {@code localhost} Appwrite sends the header too, but the cookie is first-party and kept.
     */
    public boolean sessionInFallbackOnly() {
        return this == CROSS;
    }

    /**
     * Parses {@code --sites}; blank is the default, {@link #LOCALHOST}.
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static Sites parse(String text) {
        if (text == null || text.isBlank()) {
            return LOCALHOST;
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.code.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text.trim() + "' is not a choice of sites; use "
                        + Arrays.stream(values()).map(Sites::code).collect(Collectors.joining(", "))
                        + " (default localhost)."));
    }
}
