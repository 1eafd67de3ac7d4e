package io.authbench.harness.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * What one network link between two parties looks like: its round-trip time and its bandwidth in each direction.
 *
 * <p>"Down" is toward the party that opened the connection (the client: the browser, or {@code ssr-app} on the
 * app↔Appwrite link); "up" is toward the party it connected to (the target). A bandwidth of {@code 0} means
 * unlimited. The one-way delay of the link is half its RTT, applied in each direction.
 *
 * @param rtt               round-trip time added by the link; zero or positive
 * @param downBitsPerSecond bandwidth toward the client in bits per second; {@code 0} = unlimited
 * @param upBitsPerSecond   bandwidth toward the target in bits per second; {@code 0} = unlimited
 */
public record LinkSpec(Duration rtt, long downBitsPerSecond, long upBitsPerSecond) {

    /** A link that adds nothing: zero RTT, unlimited both ways. */
    public static final LinkSpec TRANSPARENT = new LinkSpec(Duration.ZERO, 0, 0);

    public LinkSpec {
        Objects.requireNonNull(rtt, "rtt");
        if (rtt.isNegative()) {
            throw new IllegalArgumentException("rtt must be zero or positive, got " + rtt.toMillis() + " ms");
        }
        if (downBitsPerSecond < 0) {
            throw new IllegalArgumentException(
                    "downBitsPerSecond must be 0 (unlimited) or positive, got " + downBitsPerSecond);
        }
        if (upBitsPerSecond < 0) {
            throw new IllegalArgumentException(
                    "upBitsPerSecond must be 0 (unlimited) or positive, got " + upBitsPerSecond);
        }
    }

    /** A link with the given RTT in milliseconds and the given bandwidths in bits per second. */
    public static LinkSpec of(long rttMillis, long downBitsPerSecond, long upBitsPerSecond) {
        return new LinkSpec(Duration.ofMillis(rttMillis), downBitsPerSecond, upBitsPerSecond);
    }

    /** The delay each byte suffers in one direction: half the RTT. */
    public Duration oneWayDelay() {
        return rtt.dividedBy(2);
    }

    /** True when the link adds no delay and limits no bandwidth, so a proxy can pass bytes straight through. */
    public boolean isTransparent() {
        return rtt.isZero() && downBitsPerSecond == 0 && upBitsPerSecond == 0;
    }

    /** Human-readable summary for logs and reports, e.g. {@code "28 ms RTT, 5 Mbit/s down, 1 Mbit/s up"}. */
    public String describe() {
        return formatMillis(rtt) + " ms RTT, " + formatRate(downBitsPerSecond) + " down, " + formatRate(upBitsPerSecond)
                + " up";
    }

    private static String formatMillis(Duration d) {
        long micros = d.toNanos() / 1_000;
        return micros % 1_000 == 0 ? Long.toString(micros / 1_000) : Double.toString(micros / 1_000.0);
    }

    private static String formatRate(long bitsPerSecond) {
        if (bitsPerSecond == 0) {
            return "unlimited";
        }
        double mbps = bitsPerSecond / 1_000_000.0;
        return (mbps == Math.rint(mbps) ? Long.toString((long) mbps) : Double.toString(mbps)) + " Mbit/s";
    }
}
