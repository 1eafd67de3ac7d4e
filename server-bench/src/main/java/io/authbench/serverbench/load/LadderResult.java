package io.authbench.serverbench.load;

import io.authbench.reports.results.LoadStep;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished (or stopped) ladder of one variant.
 *
 * @param variant              {@code ssr} or {@code csr}
 * @param steps                every measured step, in order, including the one that stopped the ladder
 * @param stopReason           one sentence: why the ladder ended
 * @param stoppedByFault       true when it ended because the target failed (errors, a dead process), not by the bound
 * @param highestSustainedPerSecond the highest offered rate met with p99 under the bound, errors under the threshold
 *                             and at least 95 % of the rate achieved; null if no step qualified
 */
public record LadderResult(
        String variant,
        List<LadderStep> steps,
        String stopReason,
        boolean stoppedByFault,
        Double highestSustainedPerSecond) {
    public LadderResult {
        steps = List.copyOf(steps);
    }

    /** The steps as results.json {@code load} entries; the last one carries {@link #stopReason()}. */
    public List<LoadStep> toLoadSteps() {
        List<LoadStep> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            LoadStep step = steps.get(i).toLoadStep();
            out.add(i == steps.size() - 1 ? step.withStopReason(stopReason) : step);
        }
        return out;
    }
}
