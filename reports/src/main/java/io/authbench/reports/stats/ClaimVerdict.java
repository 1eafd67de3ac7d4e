package io.authbench.reports.stats;

/** The verdict on one claim of the seed post. */
public enum ClaimVerdict {
    CONFIRMED("confirmed"),
    REFUTED("refuted"),
    DEPENDS_ON_PROFILE("depends on the network profile"),
    PARTLY_CONFIRMED("partly confirmed"),
    NOT_MEASURABLE("not measurable");

    private final String label;

    ClaimVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
