package io.authbench.csr.page;

/**
 * The page may load its own files and talk to exactly one other origin: Appwrite's. No inline script
 * or style is needed (the runtime config travels in a meta tag), so none is allowed.
 */
public final class ContentSecurityPolicy {
    private ContentSecurityPolicy() {}

    /** @param appwriteOrigin {@code scheme://host[:port]}, already validated (no spaces or semicolons) */
    public static String allowingAppwrite(String appwriteOrigin) {
        if (!appwriteOrigin.matches("https?://[^\\s;,']+")) {
            throw new IllegalArgumentException("not an http(s) origin: " + appwriteOrigin);
        }
        return "default-src 'self'; connect-src 'self' " + appwriteOrigin
                + "; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'"
                + "; frame-ancestors 'none'";
    }
}
