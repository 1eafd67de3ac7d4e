package io.authbench.harness.plan;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which app an iteration runs against, and under which label its result is recorded ({@code variant} in
 * results.json).
 *
 * <p>{@link #SSR_A} and {@link #SSR_B} are the two halves of the A/A cell: both run the SSR app, exactly like
 * {@link #SSR}; the labels only let the statistics pair them as if they were two variants. Their paired ratio
 * should be 1, and how far its confidence interval strays from 1 is the noise floor of the machine
 * (docs/statistics.md#the-aa-cell).
 */
public enum Variant {
    /** Server-side rendering: {@code ssr-app}; the server holds the session. */
    SSR("ssr", true),
    /** Client-side rendering: {@code csr-app}; the browser holds the session. */
    CSR("csr", false),
    /** A/A cell, first label: the SSR app. */
    SSR_A("ssr-a", true),
    /** A/A cell, second label: the SSR app again. */
    SSR_B("ssr-b", true);

    private final String label;
    private final boolean ssrApp;

    Variant(String label, boolean ssrApp) {
        this.label = label;
        this.ssrApp = ssrApp;
    }

    /** The name in results.json: {@code ssr}, {@code csr}, {@code ssr-a}, {@code ssr-b}. */
    public String label() {
        return label;
    }

    /** True if the iteration runs against {@code ssr-app} (also for the A/A labels), false for {@code csr-app}. */
    public boolean runsSsrApp() {
        return ssrApp;
    }

    /** True for the A/A labels. */
    public boolean isAaLabel() {
        return this == SSR_A || this == SSR_B;
    }

    /** The variant with this results.json label, if any. */
    public static Optional<Variant> byLabel(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst();
    }
}
