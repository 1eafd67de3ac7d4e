package io.authbench.harness.plan;

/**
 * A cell of a {@link RunPlan}, as the block loop tracks it: the unit that keeps running or stops between blocks.
 * With the Next.js pair, the Undertow and Next.js pairs of a flow and profile are one key: they run pair k by pair k
 * side by side (the framework effect pairs them), so they stop together.
 *
 * @param flow    the flow's {@code toString()} (its code for the harness's flows)
 * @param profile the profile's name
 * @param aa      true for the A/A cell (SSR-A against SSR-B)
 */
public record CellKey(String flow, String profile, boolean aa) {
    @Override
    public String toString() {
        return flow + (aa ? " (A/A)" : "") + " @ " + profile;
    }
}
