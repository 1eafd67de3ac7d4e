package io.authbench.reports.stats;

import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Variants;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two questions of a four-variant run (Undertow pair {@code ssr}/{@code csr}, Next.js pair
 * {@code next-ssr}/{@code next-csr}), answered separately with paired ratios:
 * <ul>
 *   <li><b>the pattern effect</b>: SSR against CSR within each framework, per cell, ratio SSR_k / CSR_k over the
 *       pair numbers k (the two halves of a pair ran back to back);</li>
 *   <li><b>the framework effect</b>: Next.js against Undertow for each pattern, per cell, ratio
 *       next-ssr_k / ssr_k and next-csr_k / csr_k. In every cell the harness runs, for each k, the Undertow pair and
 *       then the Next.js pair back to back, so the k-th samples of two frameworks are adjacent in time and share
 *       whatever drifted during the run: pairing them by k cancels that drift as the SSR/CSR pairing does.</li>
 * </ul>
 * Ratio, interval, test and verdict are those of {@link Comparisons}; each question is one Holm family (all its
 * cells of both frameworks, or of both patterns). Bootstrap seeds: {@code run.seed * 31 + (flow|profile|family)},
 * family {@code ssr-csr} for Undertow's pattern cells (the seed of a two-variant run), {@code next-ssr-csr} for
 * Next.js's, {@code framework-ssr} and {@code framework-csr} for the framework cells.
 *
 * @param cells     every flow × profile with measured samples of any of the four variants, in run order
 * @param pattern   SSR against CSR per framework and cell (first = the SSR side)
 * @param framework Next.js against Undertow per pattern and cell (first = the Next.js side)
 */
public record Effects(List<Cell> cells, List<CellComparison> pattern, List<CellComparison> framework) {
    /** Display names of the frameworks, in the report's column order. */
    public static final List<String> FRAMEWORKS = List.of(Variants.UNDERTOW, Variants.NEXTJS);
    /** Patterns, in the report's order. */
    public static final List<String> PATTERNS = List.of(Variants.SSR, Variants.CSR);

    /** One flow × profile. */
    public record Cell(String flow, String profile) {}

    /** True when the run measured (or was configured to measure) the Next.js pair next to the Undertow one. */
    public static boolean applies(RunResults results) {
        return results.run().config().variantsRun().stream()
                        .anyMatch(v -> Variants.framework(v).equals(Variants.NEXTJS))
                || results.samples().stream()
                        .anyMatch(s -> Variants.framework(s.variant()).equals(Variants.NEXTJS));
    }

    public static Effects of(RunResults results) {
        List<Sample> measured = results.samples().stream()
                .filter(s -> !s.warmup() && !Variants.isAa(s.variant()))
                .toList();
        List<String> flows = Comparisons.ordered(
                results.run().config().flows(),
                measured.stream().map(Sample::flow).toList());
        List<String> profiles = Comparisons.ordered(
                results.run().config().profiles(),
                measured.stream().map(Sample::profile).toList());
        long seed = results.run().seed();
        List<Cell> cells = new ArrayList<>();
        List<CellComparison> pattern = new ArrayList<>();
        List<CellComparison> framework = new ArrayList<>();
        for (String flow : flows) {
            for (String profile : profiles) {
                List<Sample> cell = measured.stream()
                        .filter(s -> s.flow().equals(flow) && s.profile().equals(profile))
                        .toList();
                if (cell.isEmpty()) {
                    continue;
                }
                cells.add(new Cell(flow, profile));
                compare(pattern, flow, profile, cell, Variants.SSR, Variants.CSR, seed, "ssr-csr");
                compare(pattern, flow, profile, cell, Variants.NEXT_SSR, Variants.NEXT_CSR, seed, "next-ssr-csr");
                compare(framework, flow, profile, cell, Variants.NEXT_SSR, Variants.SSR, seed, "framework-ssr");
                compare(framework, flow, profile, cell, Variants.NEXT_CSR, Variants.CSR, seed, "framework-csr");
            }
        }
        return new Effects(
                List.copyOf(cells),
                Comparisons.withHolm(pattern, c -> "SSR", c -> "CSR"),
                Comparisons.withHolm(framework, c -> "Next.js", c -> "Undertow"));
    }

    private static void compare(
            List<CellComparison> into,
            String flow,
            String profile,
            List<Sample> cell,
            String first,
            String second,
            long seed,
            String family) {
        boolean both = cell.stream().anyMatch(s -> s.variant().equals(first))
                && cell.stream().anyMatch(s -> s.variant().equals(second));
        if (both) {
            into.add(Comparisons.compare(flow, profile, false, cell, first, second, seed, family));
        }
    }

    /** The pattern-effect cells of one framework ({@link Variants#UNDERTOW} or {@link Variants#NEXTJS}). */
    public List<CellComparison> patternIn(String frameworkName) {
        return pattern.stream()
                .filter(c -> Variants.framework(c.first().variant()).equals(frameworkName))
                .toList();
    }

    /** The framework-effect cells of one pattern ({@link Variants#SSR} or {@link Variants#CSR}). */
    public List<CellComparison> frameworkFor(String patternName) {
        return framework.stream()
                .filter(c -> Variants.pattern(c.first().variant()).equals(patternName))
                .toList();
    }

    /** The pattern effect of a framework in one cell; empty when one of its variants has no sample there. */
    public Optional<CellComparison> pattern(String frameworkName, String flow, String profile) {
        return Comparisons.find(patternIn(frameworkName), flow, profile);
    }

    /** The framework effect for a pattern in one cell; empty when one of its variants has no sample there. */
    public Optional<CellComparison> framework(String patternName, String flow, String profile) {
        return Comparisons.find(frameworkFor(patternName), flow, profile);
    }

    /** How the report names a framework. */
    public static String frameworkName(String framework) {
        return Variants.NEXTJS.equals(framework) ? "Next.js" : "Undertow";
    }
}
