package io.authbench.harness.run;

import io.authbench.harness.flow.Flow;
import io.authbench.harness.plan.CellKey;
import io.authbench.harness.plan.Variant;

/**
 * One planned iteration as the engine runs it.
 *
 * @param flow    the flow
 * @param profile profile name
 * @param pair    pair number within the cell (warm-ups numbered separately)
 * @param order   0 = first in its pair, 1 = second
 * @param kind    the variant: which app runs ({@link Variant#app()}) and the label recorded
 * @param warmup  a discarded warm-up iteration
 * @param block   the block it runs in, from 0 (the stack restarts between blocks)
 */
record Step(Flow flow, String profile, int pair, int order, Variant kind, boolean warmup, int block) {

    /** A step of block 0. */
    Step(Flow flow, String profile, int pair, int order, Variant kind, boolean warmup) {
        this(flow, profile, pair, order, kind, warmup, 0);
    }

    /** The cell it belongs to, as the block loop tracks it. */
    CellKey cell() {
        return new CellKey(flow.toString(), profile, kind.isAaLabel());
    }

    /** The result label: {@code ssr}, {@code csr}, {@code ssr-a}, {@code ssr-b}, {@code next-ssr}, {@code next-csr}. */
    String variant() {
        return kind.label();
    }

    String describe() {
        return flow.code() + " " + variant() + " @ " + profile + (warmup ? " (warm-up)" : " pair " + pair);
    }
}
