package io.authbench.harness.flow;

/**
 * Switches the profile's links between loopback speed (an iteration's unmeasured set-up) and the profile's delay
 * and bandwidth (the measured phase). The profile always applies from just before the user action until the
 * iteration ends; set-up at full speed saves seconds per iteration on slow profiles without touching what is
 * measured. Connections the set-up opened stay open, as they would for a real user, and carry the measured
 * requests at the profile's speed.
 */
public interface LinkShaping {
    /** Bytes pass at loopback speed (the set-up of an iteration). */
    void fullSpeed();

    /** The profile's delay and bandwidth apply (the measured phase). */
    void applyProfile();

    /** For tests and profiles without links: does nothing. */
    LinkShaping NONE = new LinkShaping() {
        @Override
        public void fullSpeed() {}

        @Override
        public void applyProfile() {}
    };
}
