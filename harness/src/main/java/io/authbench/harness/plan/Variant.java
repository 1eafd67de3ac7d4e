package io.authbench.harness.plan;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which app an iteration runs against, and under which label its result is recorded ({@code variant} in
 * results.json).
 *
 * <p>{@link #SSR} and {@link #CSR} are the bundled Undertow apps ({@code ssr-app}, {@code csr-app});
 * {@link #NEXT_SSR} and {@link #NEXT_CSR} the Next.js apps of the {@code nextjs} module (run with {@code --nextjs}).
 * The two pairs share a pattern each, so a run with both measures the pattern effect (SSR vs CSR within a framework)
 * and the framework effect (Next.js vs Undertow within a pattern).
 *
 * <p>{@link #SSR_A} and {@link #SSR_B} are the two halves of the A/A cell: both run the SSR app, exactly like
 * {@link #SSR}; the labels only let the statistics pair them as if they were two variants. Their paired ratio
 * should be 1, and how far its confidence interval strays from 1 is the noise floor of the machine
 * (docs/statistics.md#the-aa-cell).
 */
public enum Variant {
    /** Server-side rendering: {@code ssr-app}; the server holds the session. */
    SSR("ssr", true, false),
    /** Client-side rendering: {@code csr-app}; the browser holds the session. */
    CSR("csr", false, false),
    /** A/A cell, first label: the SSR app. */
    SSR_A("ssr-a", true, false),
    /** A/A cell, second label: the SSR app again. */
    SSR_B("ssr-b", true, false),
    /** Server-side rendering in Next.js: {@code nextjs/ssr}. */
    NEXT_SSR("next-ssr", true, true),
    /** Client-side rendering in Next.js: {@code nextjs/csr}. */
    NEXT_CSR("next-csr", false, true);

    /** Framework name of the bundled apps in results.json (as the reports' {@code Variants.framework}). */
    public static final String UNDERTOW = "undertow";
    /** Framework name of the Next.js apps in results.json. */
    public static final String NEXTJS = "nextjs";

    private final String label;
    private final boolean ssrPattern;
    private final boolean nextjs;

    Variant(String label, boolean ssrPattern, boolean nextjs) {
        this.label = label;
        this.ssrPattern = ssrPattern;
        this.nextjs = nextjs;
    }

    /** The name in results.json: {@code ssr}, {@code csr}, {@code ssr-a}, {@code ssr-b}, {@code next-ssr}, {@code next-csr}. */
    public String label() {
        return label;
    }

    /** True if the iteration runs an SSR app (also for the A/A labels), false for a CSR app. */
    public boolean runsSsrApp() {
        return ssrPattern;
    }

    /** True for the Next.js apps' labels. */
    public boolean nextjs() {
        return nextjs;
    }

    /** {@link #UNDERTOW} or {@link #NEXTJS}. */
    public String framework() {
        return nextjs ? NEXTJS : UNDERTOW;
    }

    /** {@code ssr} or {@code csr}: the auth pattern. */
    public String pattern() {
        return ssrPattern ? "ssr" : "csr";
    }

    /** The variant whose app this one runs: {@link #SSR} for the A/A labels, itself otherwise. */
    public Variant app() {
        return isAaLabel() ? SSR : this;
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
