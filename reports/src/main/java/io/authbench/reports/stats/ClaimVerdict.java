package io.authbench.reports.stats;

/** The verdict on one claim of the seed post. */
public enum ClaimVerdict {
    CONFIRMED("confirmed"),
    REFUTED("refuted"),
    DEPENDS_ON_PROFILE("depends on the network profile"),
    PARTLY_CONFIRMED("partly confirmed"),
    /** A judgement, not a measurement (or the data a benchmark could give was not recorded). */
    NOT_MEASURABLE("not measurable"),
    /** The measurement exists but some of its samples could not be judged: no verdict rather than a wrong one. */
    NOT_MEASURED("not measured");

    private final String label;

    ClaimVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
