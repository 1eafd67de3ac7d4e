package io.authbench.harness.link;

/**
 * Whether a link applies its profile (delay, bandwidth, handshake) or passes bytes on at loopback speed. The
 * harness turns shaping off for an iteration's set-up (signing in, loading the page the user acts on) and on for
 * the measured phase: set-up is not measured, and on a slow profile it would cost seconds per iteration. Switching
 * never reorders bytes: a chunk never overtakes one read before it (see {@link DelayLine}).
 */
final class Shaping {
    private volatile boolean on = true;

    boolean on() {
        return on;
    }

    void set(boolean shaped) {
        on = shaped;
    }
}
