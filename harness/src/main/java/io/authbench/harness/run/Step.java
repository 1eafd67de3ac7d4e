package io.authbench.harness.run;

import io.authbench.harness.flow.Flow;

/**
 * One planned iteration as the engine runs it.
 *
 * @param flow    the flow
 * @param profile profile name
 * @param pair    pair number within the cell (warm-ups numbered separately)
 * @param order   0 = first in its pair, 1 = second
 * @param variant result label: {@code ssr}, {@code csr}, {@code ssr-a}, {@code ssr-b}
 * @param ssr     runs against the SSR app (true for the A/A labels too)
 * @param warmup  a discarded warm-up iteration
 */
record Step(Flow flow, String profile, int pair, int order, String variant, boolean ssr, boolean warmup) {

    String describe() {
        return flow.code() + " " + variant + " @ " + profile + (warmup ? " (warm-up)" : " pair " + pair);
    }
}
