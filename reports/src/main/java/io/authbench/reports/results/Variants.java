package io.authbench.reports.results;

/**
 * The variant labels used in {@link Sample#variant()}.
 *
 * <p>A normal cell compares {@link #SSR} with {@link #CSR}. The A/A cell runs the SSR app against itself under
 * the labels {@link #SSR_A} and {@link #SSR_B}: the difference between them is the noise floor.
 */
public final class Variants {
    public static final String SSR = "ssr";
    public static final String CSR = "csr";
    public static final String SSR_A = "ssr-a";
    public static final String SSR_B = "ssr-b";

    private Variants() {
    }

    /** True for the labels of the A/A cell. */
    public static boolean isAa(String variant) {
        return SSR_A.equals(variant) || SSR_B.equals(variant);
    }
}
