package io.authbench.reports.stats;

import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Quantiles;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Variants;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the paired comparisons of a run: one per flow × profile for SSR against CSR, and one per profile for the
 * A/A cell. Holm's correction is applied within each family (SSR/CSR cells; A/A cells) separately.
 *
 * <p>Pairing: samples with the same flow, profile and pair number, warm-ups excluded. A pair is complete when both
 * sides are ok and measured time to content; only complete pairs enter the ratio, interval and test. A run split
 * into blocks is resampled block-aware, with one block the interval is order-statistic ({@link MedianInterval}); a
 * pair's block is its samples' block.
 * Bootstrap seed per cell: {@code run.seed * 31 + (flow + "|" + profile + "|" + family).hashCode()}.
 */
public final class Comparisons {
    private Comparisons() {}

    /** The SSR/CSR comparisons and the A/A comparisons of a run. */
    public record All(List<CellComparison> ssrCsr, List<CellComparison> aa) {}

    public static All of(RunResults results) {
        List<Sample> measured =
                results.samples().stream().filter(s -> !s.warmup()).toList();
        List<String> flows = ordered(
                results.run().config().flows(),
                measured.stream().map(Sample::flow).toList());
        List<String> profiles = ordered(
                results.run().config().profiles(),
                measured.stream().map(Sample::profile).toList());
        long seed = results.run().seed();
        List<CellComparison> ssrCsr = new ArrayList<>();
        List<CellComparison> aa = new ArrayList<>();
        for (String flow : flows) {
            for (String profile : profiles) {
                List<Sample> cell = measured.stream()
                        .filter(s -> s.flow().equals(flow) && s.profile().equals(profile))
                        .toList();
                if (has(cell, Variants.SSR) && has(cell, Variants.CSR)) {
                    ssrCsr.add(compare(flow, profile, false, cell, Variants.SSR, Variants.CSR, seed));
                }
                if (has(cell, Variants.SSR_A) && has(cell, Variants.SSR_B)) {
                    aa.add(compare(flow, profile, true, cell, Variants.SSR_A, Variants.SSR_B, seed));
                }
            }
        }
        return new All(withHolm(ssrCsr), withHolm(aa));
    }

    private static boolean has(List<Sample> cell, String variant) {
        return cell.stream().anyMatch(s -> s.variant().equals(variant));
    }

    /** Names in configured order, then any others in order of first appearance. */
    static List<String> ordered(List<String> configured, List<String> seen) {
        Set<String> names = new LinkedHashSet<>(configured);
        names.addAll(seen);
        return List.copyOf(names);
    }

    private static CellComparison compare(
            String flow,
            String profile,
            boolean aa,
            List<Sample> cell,
            String firstVariant,
            String secondVariant,
            long runSeed) {
        return compare(flow, profile, aa, cell, firstVariant, secondVariant, runSeed, aa ? "aa" : "ssr-csr");
    }

    /**
     * The paired comparison of two variants of one cell, pairs matched by pair number; {@code family} names the
     * comparison in the bootstrap seed. No Holm correction and no verdict yet: see {@link #withHolm}.
     */
    static CellComparison compare(
            String flow,
            String profile,
            boolean aa,
            List<Sample> cell,
            String firstVariant,
            String secondVariant,
            long runSeed,
            String family) {
        List<Sample> first =
                cell.stream().filter(s -> s.variant().equals(firstVariant)).toList();
        List<Sample> second =
                cell.stream().filter(s -> s.variant().equals(secondVariant)).toList();
        Map<Integer, Double> firstByPair = timesByPair(first);
        Map<Integer, Double> secondByPair = timesByPair(second);
        Map<Integer, Integer> blockByPair = new TreeMap<>();
        Set<Integer> allPairs = new TreeSet<>();
        for (Sample s : cell) {
            if (s.variant().equals(firstVariant) || s.variant().equals(secondVariant)) {
                allPairs.add(s.pair());
                blockByPair.merge(s.pair(), s.blockIndex(), Math::max);
            }
        }
        List<Double> logs = new ArrayList<>();
        List<Integer> blocks = new ArrayList<>();
        int incomplete = 0;
        for (int pair : allPairs) {
            Double a = firstByPair.get(pair);
            Double b = secondByPair.get(pair);
            if (a != null && b != null && a > 0 && b > 0) {
                logs.add(Math.log(a / b));
                blocks.add(blockByPair.get(pair));
            } else {
                incomplete++;
            }
        }
        double[] logRatios = logs.stream().mapToDouble(Double::doubleValue).toArray();
        int[] pairBlocks = blocks.stream().mapToInt(Integer::intValue).toArray();
        long seed = runSeed * 31 + (flow + "|" + profile + "|" + family).hashCode();
        Double ratio = null;
        Interval interval = null;
        int blockCount = 1;
        double blockP = Double.NaN;
        if (logRatios.length > 0) {
            ratio = Math.exp(Quantiles.median(logRatios));
            Bootstrap.BlockResult boot = MedianInterval.of(logRatios, pairBlocks, seed);
            Interval log = boot.interval();
            interval = new Interval(Math.exp(log.low()), Math.exp(log.high()));
            blockCount = boot.blocks();
            blockP = boot.twoSidedP();
        }
        return new CellComparison(
                flow,
                profile,
                aa,
                VariantStats.of(firstVariant, first),
                VariantStats.of(secondVariant, second),
                logRatios,
                incomplete,
                ratio,
                interval,
                SignedRankTest.test(logRatios),
                null,
                seed,
                null,
                pairBlocks,
                blockCount,
                blockP);
    }

    /** Time to content by pair number for ok samples that measured it. */
    private static Map<Integer, Double> timesByPair(List<Sample> samples) {
        Map<Integer, Double> byPair = new TreeMap<>();
        for (Sample s : samples) {
            Double ttc = s.metrics().numberOrNull(Metric.TIME_TO_CONTENT_MS);
            if (s.ok() && ttc != null) {
                byPair.put(s.pair(), ttc);
            }
        }
        return byPair;
    }

    private static List<CellComparison> withHolm(List<CellComparison> family) {
        return withHolm(family, CellComparison::firstName, CellComparison::secondName);
    }

    /**
     * Holm-corrects a family of comparisons and gives each its verdict, naming the faster side with
     * {@code firstName} / {@code secondName} (e.g. "SSR" / "CSR", or "Next.js" / "Undertow").
     */
    static List<CellComparison> withHolm(
            List<CellComparison> family,
            Function<CellComparison, String> firstName,
            Function<CellComparison, String> secondName) {
        List<CellComparison> testable =
                family.stream().filter(c -> c.pairs() > 0).toList();
        double[] adjusted = Holm.adjust(
                testable.stream().mapToDouble(CellComparison::pValue).toArray());
        List<CellComparison> out = new ArrayList<>();
        for (CellComparison c : family) {
            int index = testable.indexOf(c);
            Double holmP = index < 0 ? null : adjusted[index];
            Verdict verdict = neverPainted(c, firstName.apply(c), secondName.apply(c))
                    .orElseGet(() -> Verdict.decide(
                            firstName.apply(c), secondName.apply(c), c.pairs(), c.ratio(), c.interval(), holmP));
            out.add(c.judged(holmP, verdict));
        }
        return out;
    }

    /** A variant with ok samples but no time to content at all (e.g. CSR in the no-js flow) cannot be compared. */
    private static Optional<Verdict> neverPainted(CellComparison c, String firstName, String secondName) {
        if (c.pairs() == 0
                && c.first().values().length == 0
                && c.second().values().length == 0
                && c.first().samples() > c.first().failures()
                && c.second().samples() > c.second().failures()) {
            return Optional.of(new Verdict(
                    Verdict.Kind.TOO_FEW_PAIRS, "not comparable: no time to content was recorded for either variant"));
        }
        for (VariantStats v : List.of(c.first(), c.second())) {
            if (c.pairs() == 0 && v.values().length == 0 && v.samples() > v.failures()) {
                String name = v == c.first() ? firstName : secondName;
                return Optional.of(new Verdict(
                        Verdict.Kind.TOO_FEW_PAIRS,
                        "not comparable: " + name + " never showed the content (no time to content in any ok sample)"));
            }
        }
        return Optional.empty();
    }

    /** Finds the comparison of a cell, if any. */
    public static Optional<CellComparison> find(List<CellComparison> list, String flow, String profile) {
        return list.stream()
                .filter(c -> Objects.equals(c.flow(), flow) && Objects.equals(c.profile(), profile))
                .findFirst();
    }
}
