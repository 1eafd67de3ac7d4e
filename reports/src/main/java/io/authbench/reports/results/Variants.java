package io.authbench.reports.results;

/**
 * The variant labels used in {@link Sample#variant()}.
 *
 * <p>A normal cell compares {@link #SSR} with {@link #CSR}. The A/A cell runs the SSR app against itself under
 * the labels {@link #SSR_A} and {@link #SSR_B}: the difference between them is the noise floor. A run with the
 * Next.js pair ({@code --nextjs}) also measures {@link #NEXT_SSR} and {@link #NEXT_CSR} in every cell.
 */
public final class Variants {
    public static final String SSR = "ssr";
    public static final String CSR = "csr";
    public static final String SSR_A = "ssr-a";
    public static final String SSR_B = "ssr-b";
    /** The Next.js SSR app ({@code nextjs/ssr}), measured next to {@link #SSR} in a four-variant run. */
    public static final String NEXT_SSR = "next-ssr";
    /** The Next.js CSR app ({@code nextjs/csr}), measured next to {@link #CSR} in a four-variant run. */
    public static final String NEXT_CSR = "next-csr";

    private Variants() {
    }

    /** {@code "nextjs"} for the Next.js labels, {@code "undertow"} for the others (the A/A labels run the Undertow SSR app). */
    public static String framework(String variant) {
        return NEXT_SSR.equals(variant) || NEXT_CSR.equals(variant) ? "nextjs" : "undertow";
    }

    /** {@code "csr"} for the CSR labels, {@code "ssr"} for the others (the A/A labels run the SSR app). */
    public static String pattern(String variant) {
        return CSR.equals(variant) || NEXT_CSR.equals(variant) ? "csr" : "ssr";
    }

    /** True for the labels of the A/A cell. */
    public static boolean isAa(String variant) {
        return SSR_A.equals(variant) || SSR_B.equals(variant);
    }
}
