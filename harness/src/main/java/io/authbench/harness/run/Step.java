package io.authbench.harness.run;

import io.authbench.harness.flow.Flow;
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
 */
record Step(Flow flow, String profile, int pair, int order, Variant kind, boolean warmup) {

    /** The result label: {@code ssr}, {@code csr}, {@code ssr-a}, {@code ssr-b}, {@code next-ssr}, {@code next-csr}. */
    String variant() {
        return kind.label();
    }

    String describe() {
        return flow.code() + " " + variant() + " @ " + profile + (warmup ? " (warm-up)" : " pair " + pair);
    }
}
