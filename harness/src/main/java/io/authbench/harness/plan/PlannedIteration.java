package io.authbench.harness.plan;

import io.authbench.harness.profile.NetworkProfile;

/**
 * One iteration of a {@link RunPlan}: run {@code flow} against {@code variant}'s app under {@code profile}.
 *
 * <p>A pair is the two iterations with the same flow, profile, pair number, warm-up flag and framework (SSR + CSR,
 * NEXT_SSR + NEXT_CSR, or SSR_A + SSR_B in the A/A cell); they run back to back, {@code order} 0 first.
 *
 * @param flow    the flow (the caller's flow type)
 * @param profile the network profile
 * @param pair    pair number within its cell, from 0, unique across blocks; warm-up pairs are numbered separately,
 *                also from 0
 * @param order   position within the pair: 0 runs first, 1 second
 * @param variant which app, and the label the result is recorded under
 * @param warmup  a warm-up iteration: run and recorded, never summarised
 * @param block   the block it belongs to, from 0 ({@link RunPlan}: the stack restarts between blocks)
 * @param <F>     the flow type
 */
public record PlannedIteration<F>(
        F flow, NetworkProfile profile, int pair, int order, Variant variant, boolean warmup, int block) {

    /** An iteration of block 0. */
    public PlannedIteration(F flow, NetworkProfile profile, int pair, int order, Variant variant, boolean warmup) {
        this(flow, profile, pair, order, variant, warmup, 0);
    }

    /** The cell it belongs to. */
    public CellKey cell() {
        return new CellKey(String.valueOf(flow), profile.name(), isAa());
    }

    /** The profile's name, as results.json records it. */
    public String profileName() {
        return profile.name();
    }

    /** True if this iteration belongs to the A/A cell. */
    public boolean isAa() {
        return variant.isAaLabel();
    }
}
