package io.authbench.emulator.ratelimit;

/**
 * A route's abuse limit ({@code abuse-limit}, {@code abuse-time}, {@code abuse-key} in Appwrite).
 *
 * @param limit calls allowed per window; call {@code limit + 1} gets 429
 * @param windowSeconds fixed windows aligned to multiples of this many seconds since the epoch (UTC hours for 3600)
 * @param key what the counter is per
 */
public record RateLimitRule(int limit, long windowSeconds, Key key) {

    public enum Key {
        /** {@code url:{url},ip:{ip}}: per route and client IP. */
        URL_AND_IP,
        /** {@code url:{url},email:{param-email}}: per route and email as sent (so failed logins count too). */
        URL_AND_EMAIL
    }

    public static RateLimitRule perIp(int limit) {
        return new RateLimitRule(limit, 3600, Key.URL_AND_IP);
    }

    public static RateLimitRule perEmail(int limit) {
        return new RateLimitRule(limit, 3600, Key.URL_AND_EMAIL);
    }
}
