package io.authbench.harness.apptarget;

import java.util.Objects;

/**
 * A target file as read: the app ({@link Target}) and, for a launched target, how to start it.
 *
 * @param target the app; for a launched target its {@code baseUrl} is a stand-in until a profile gives it a link
 * @param start  how the harness starts it per profile; null = the app runs on its own at {@code target.baseUrl()}
 * @param ports  browser-facing link ports it pins ({@link PinnedPorts#NONE} = none)
 */
public record TargetSpec(Target target, StartCommand start, PinnedPorts ports) {
    public TargetSpec {
        Objects.requireNonNull(target, "target");
        ports = ports == null ? PinnedPorts.NONE : ports;
    }

    /** True if the harness starts this app (the file has {@code start}). */
    public boolean launched() {
        return start != null;
    }
}
