package io.authbench.reports.html;

/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale print when
 * paired with the different dash patterns and markers the charts also use.
 */
final class Palette {
    static final String SSR = "#0072B2"; // blue
    static final String CSR = "#E69F00"; // orange
    static final String AA = "#009E73"; // bluish green
    static final String NEXT_SSR = "#56B4E9"; // sky blue: Next.js SSR, next to Undertow SSR's blue
    static final String NEXT_CSR = "#CC79A7"; // reddish purple: Next.js CSR
    static final String APPWRITE = "#D55E00"; // vermilion
    static final String PREFLIGHT = "#CC79A7"; // reddish purple
    static final String SERVER = "#009E73"; // bluish green
    static final String NEUTRAL = "#555555";
    static final String GRID = "#dddddd";

    private Palette() {}

    /** Line colour of a variant label. */
    static String variant(String variant) {
        return switch (variant) {
            case "ssr", "ssr-a" -> SSR;
            case "csr" -> CSR;
            case "ssr-b" -> AA;
            case "next-ssr" -> NEXT_SSR;
            case "next-csr" -> NEXT_CSR;
            default -> NEUTRAL;
        };
    }

    /** SVG stroke-dasharray of a variant label ("" = solid), so lines differ without colour too. */
    static String dash(String variant) {
        return switch (variant) {
            case "csr", "ssr-b" -> "6 3";
            case "next-ssr" -> "2 2";
            case "next-csr" -> "8 3 2 3";
            default -> "";
        };
    }
}
