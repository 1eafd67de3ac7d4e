package io.authbench.reports.results;

/**
 * One link's configuration (or measurement): round-trip time and bandwidth per direction.
 *
 * @param rttMs             round-trip time added by the link, milliseconds
 * @param downBitsPerSecond bandwidth toward the side that connected (browser, or app for app↔Appwrite); 0 = unlimited
 * @param upBitsPerSecond   bandwidth toward the target; 0 = unlimited
 */
public record LinkSettings(double rttMs, long downBitsPerSecond, long upBitsPerSecond) {
    public LinkSettings {
        if (rttMs < 0 || downBitsPerSecond < 0 || upBitsPerSecond < 0) {
            throw new IllegalArgumentException("link settings must not be negative: rttMs=" + rttMs
                    + ", downBitsPerSecond=" + downBitsPerSecond + ", upBitsPerSecond=" + upBitsPerSecond);
        }
    }
}
