package io.authbench.ssr.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A deliberate slowdown of one page, asked for with {@code --inject-delay /dashboard:50ms}: every request for
 * {@code path} waits {@code delay} on the server before it is handled. It exists to check that a regression check
 * (for example {@code authbench report --baseline}) finds a slowdown that is known to be there; it makes the app
 * slower on purpose and is never on by default.
 *
 * @param path  the exact request path, e.g. {@code /dashboard} (no query; {@code /dashboard/} is another path)
 * @param delay how long the request waits, more than 0 and at most {@link #MAX}
 */
public record InjectedDelay(String path, Duration delay) {
    /** Longest delay accepted: enough to model any slow page, short enough that a typo cannot hang a benchmark. */
    public static final Duration MAX = Duration.ofSeconds(10);

    public InjectedDelay {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(delay, "delay");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        if (delay.isZero() || delay.isNegative() || delay.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("delay out of range: " + delay);
        }
    }

    /** {@code /dashboard:50ms}, the form the flag takes. */
    @Override
    public String toString() {
        return path + ":" + delay.toMillis() + "ms";
    }
}
