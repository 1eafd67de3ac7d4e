package io.authbench.reports.stats;

/** The verdict on one claim of the seed post. */
public enum ClaimVerdict {
    CONFIRMED("confirmed"),
    REFUTED("refuted"),
    DEPENDS_ON_PROFILE("depends on the network profile"),
    PARTLY_CONFIRMED("partly confirmed"),
    /** A judgement, not a measurement: no benchmark can give a verdict (development complexity). */
    NOT_MEASURABLE("not measurable"),
    /**
     * A benchmark could judge the claim, but this run's data cannot: a flow did not run, a metric was not recorded,
     * too few complete pairs for the test to reach significance, or samples that could not be judged. No verdict
     * rather than a wrong one.
     */
    NOT_MEASURED("not measured");

    private final String label;

    ClaimVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
