package io.authbench.harness.link;

import io.authbench.harness.profile.LinkSpec;
import java.util.Locale;

/**
 * What a link actually did, measured through a fresh {@link LinkProxy} with the link's spec, next to what it was
 * configured to do. The report shows both so a reader can see that the emulated network is the one promised.
 *
 * @param name                      the link's name
 * @param configured                the spec the link was configured with
 * @param measuredRttMs             median round trip of a one-byte ping on an established connection, in ms
 * @param measuredDownBitsPerSecond throughput of a bulk transfer toward the client, in bits per second
 * @param measuredUpBitsPerSecond   throughput of a bulk transfer toward the target, in bits per second
 */
public record LinkCalibration(
        String name,
        LinkSpec configured,
        double measuredRttMs,
        long measuredDownBitsPerSecond,
        long measuredUpBitsPerSecond) {

    /** One line for logs, e.g. {@code "cable browser-app: RTT 28.4 ms (28), down 4.98 Mbit/s (5), up 1.00 Mbit/s (1)"}. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s: RTT %.1f ms (configured %s), down %s, up %s",
                name,
                measuredRttMs,
                configured.rtt().toNanos() / 1e6 + " ms",
                rate(measuredDownBitsPerSecond, configured.downBitsPerSecond()),
                rate(measuredUpBitsPerSecond, configured.upBitsPerSecond()));
    }

    private static String rate(long measured, long configured) {
        return String.format(
                Locale.ROOT,
                "%.2f Mbit/s (configured %s)",
                measured / 1e6,
                configured == 0 ? "unlimited" : String.format(Locale.ROOT, "%.2f Mbit/s", configured / 1e6));
    }
}
