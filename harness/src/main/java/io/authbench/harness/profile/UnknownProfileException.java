package io.authbench.harness.profile;

import java.util.List;

/** A profile name that is not defined; the message lists the profiles that are. */
public final class UnknownProfileException extends IllegalArgumentException {

    private final String requested;
    private final List<String> known;

    UnknownProfileException(String requested, List<String> known) {
        super("unknown network profile '" + requested + "'; known profiles: " + String.join(", ", known)
                + " (define more in a profiles file, see harness/README-profiles.md)");
        this.requested = requested;
        this.known = List.copyOf(known);
    }

    /** The name that was asked for. */
    public String requested() {
        return requested;
    }

    /** The names that exist, in definition order. */
    public List<String> known() {
        return known;
    }
}
