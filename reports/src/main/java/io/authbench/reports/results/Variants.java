package io.authbench.reports.results;

/**
 * The variant labels used in {@link Sample#variant()}.
 *
 * <p>A normal cell compares {@link #SSR} with {@link #CSR}. The A/A cell runs the SSR app against itself under
 * the labels {@link #SSR_A} and {@link #SSR_B}: the difference between them is the noise floor.
 *
 * <p>A four-variant run adds the Next.js pair, {@link #NEXT_SSR} and {@link #NEXT_CSR}, next to the Undertow pair:
 * each label belongs to one {@link #framework framework} and one {@link #pattern pattern}.
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

    /** {@link #framework}: the bundled Undertow apps (ssr-app, csr-app). */
    public static final String UNDERTOW = "undertow";
    /** {@link #framework}: the Next.js reference apps (nextjs/ssr, nextjs/csr). */
    public static final String NEXTJS = "nextjs";

    private Variants() {}

    /** True for the labels of the A/A cell. */
    public static boolean isAa(String variant) {
        return SSR_A.equals(variant) || SSR_B.equals(variant);
    }

    /** The framework of a variant label: "nextjs" for the Next.js pair, "undertow" otherwise (A/A labels too). */
    public static String framework(String variant) {
        return NEXT_SSR.equals(variant) || NEXT_CSR.equals(variant) ? NEXTJS : UNDERTOW;
    }

    /** The auth pattern of a variant label: "csr" for the two CSR apps, "ssr" otherwise (A/A labels too). */
    public static String pattern(String variant) {
        return CSR.equals(variant) || NEXT_CSR.equals(variant) ? CSR : SSR;
    }
}
