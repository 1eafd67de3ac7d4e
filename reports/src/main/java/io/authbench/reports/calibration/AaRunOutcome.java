package io.authbench.reports.calibration;

/**
 * What one A/A run contributed: its A/A cell's ratio and 95 % interval, and whether the interval contained 1; or,
 * for a run that could not be judged, why not.
 *
 * @param run         the run folder as given
 * @param runId       results.json's run id; null when there was no readable results.json
 * @param flow        the A/A cell's flow; null when not usable
 * @param profile     the A/A cell's profile; null when not usable
 * @param pairs       complete A/A pairs
 * @param ratio       the A/A ratio SSR-A/SSR-B; null when not usable
 * @param low         its interval's lower bound; null when not usable
 * @param high        its interval's upper bound; null when not usable
 * @param containsOne true when the interval contains 1 (no false positive); null when not usable
 * @param notUsable   why the run was not counted; null when it was
 */
public record AaRunOutcome(
        String run,
        String runId,
        String flow,
        String profile,
        int pairs,
        Double ratio,
        Double low,
        Double high,
        Boolean containsOne,
        String notUsable) {

    public boolean usable() {
        return notUsable == null;
    }

    /** A false positive: the interval of a comparison of the same app with itself excluded 1. */
    public boolean falsePositive() {
        return usable() && !containsOne;
    }

    static AaRunOutcome notUsable(String run, String runId, String why) {
        return new AaRunOutcome(run, runId, null, null, 0, null, null, null, null, why);
    }
}
