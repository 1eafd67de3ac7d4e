package io.authbench.reports.stats;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Quantiles;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Variants;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The "Resource utilization" claim (SSR loads the server; CSR makes the client do more work), judged from
 * per-iteration figures with paired ratios and intervals.
 *
 * <p>Rule. In each SSR/CSR cell (flow × profile), the pairs whose two samples are ok and measured the metric give one
 * ratio each: app-server CPU SSR/CSR ({@code appCpuMs}) and browser task time CSR/SSR ({@code taskMs}), so that a
 * ratio above 1 supports the claim. A value of 0 counts as {@value #ZERO_MS} ms (1 µs, below anything the servers
 * can attribute) so the ratio stays finite; the median, its interval and the rank test depend on its order only.
 * The cell's ratio is the exp of the median log ratio, its 95 % interval the paired bootstrap of that median
 * ({@link Bootstrap#medianInterval}, seed {@code run.seed * 31 + (flow|profile|metric).hashCode()}), its p-value the
 * signed-rank test, Holm-corrected across the cells of the same metric. A part of a cell is judged only with enough
 * pairs for that test to reach Holm p &lt; 0.05 at all ({@link #pairsNeeded}: at least {@value Verdict#MIN_PAIRS},
 * 7 for 2 cells, 11 for 28); it <b>holds</b> with Holm p &lt; 0.05 and the interval above 1, and is <b>contrary</b>
 * when the same holds with the interval below 1. Over the cells where both parts have enough pairs: <b>confirmed</b> when both
 * hold in every such cell, <b>refuted</b> when neither holds in any, <b>partly confirmed</b> otherwise. <b>Not
 * measured</b> when either variant has no app CPU (an app the harness cannot read: not Linux, a remote or external
 * app) or no task time at all: no verdict from half a measurement.
 */
public final class ResourceClaim {
    static final String TOPIC = "Resource utilization";
    static final String CLAIM = "SSR loads the server; CSR offloads rendering to the client, which does more work";
    static final String MEASUREMENT = "app-server CPU per page view (its threads' run time around each iteration, JIT"
            + " compilation apart) and browser main-thread task time, as paired SSR/CSR ratios per cell with 95 %"
            + " intervals";
    /** What a measured 0 counts as in a ratio, in ms. */
    static final double ZERO_MS = 0.001;

    /**
     * One part of one cell: the paired ratio (claimed direction above 1) and its verdict.
     *
     * @param reachable whether this many pairs can reach Holm p &lt; 0.05 at all among the cells tested
     */
    record Part(
            String cell, int pairs, Double ratio, Interval interval, double pValue, Double holmP, boolean reachable) {
        boolean decided() {
            return reachable && holmP != null;
        }

        boolean holds() {
            return decided() && holmP < Verdict.ALPHA && interval.low() > 1;
        }

        boolean contrary() {
            return decided() && holmP < Verdict.ALPHA && interval.high() < 1;
        }

        String text() {
            return cell + " " + times(ratio) + "× [" + times(interval.low()) + ", " + times(interval.high()) + "]"
                    + String.format(Locale.ROOT, ", Holm p = %.3g", holmP);
        }
    }

    private final List<Sample> measured;
    private final List<CellComparison> cells;
    private final long seed;

    private ResourceClaim(List<Sample> measured, List<CellComparison> cells, long seed) {
        this.measured = measured;
        this.cells = cells;
        this.seed = seed;
    }

    /**
     * @param measured ok, non-warm-up samples
     * @param cells    the SSR/CSR cells to judge (their flow and profile)
     * @param seed     the run's seed, for the bootstrap
     */
    public static ClaimRow row(List<Sample> measured, List<CellComparison> cells, long seed) {
        return new ResourceClaim(measured, cells, seed).judge();
    }

    private ClaimRow judge() {
        String ssrText = figures(Variants.SSR);
        String csrText = figures(Variants.CSR);
        List<String> missing = new ArrayList<>();
        for (String variant : List.of(Variants.SSR, Variants.CSR)) {
            for (Metric metric : List.of(Metric.APP_CPU_MS, Metric.TASK_MS)) {
                if (cells.isEmpty() || median(variant, metric, s -> true) == null) {
                    missing.add((metric == Metric.APP_CPU_MS ? "app-server CPU" : "browser task time") + " of "
                            + variant.toUpperCase(Locale.ROOT));
                }
            }
        }
        if (!missing.isEmpty()) {
            return new ClaimRow(
                    TOPIC,
                    CLAIM,
                    MEASUREMENT,
                    ssrText,
                    csrText,
                    ClaimVerdict.NOT_MEASURED,
                    String.join(", ", missing) + " not measured (CPU is read from /proc on Linux, only for app and"
                            + " Appwrite processes on this machine), so there is no verdict");
        }
        List<Part> server = parts(Metric.APP_CPU_MS, Variants.SSR, Variants.CSR);
        List<Part> client = parts(Metric.TASK_MS, Variants.CSR, Variants.SSR);
        int decided = 0;
        int serverHolds = 0;
        int clientHolds = 0;
        List<String> serverOther = new ArrayList<>();
        List<String> clientOther = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Part s = server.get(i);
            Part c = client.get(i);
            if (!s.decided() || !c.decided()) {
                continue;
            }
            decided++;
            serverHolds += s.holds() ? 1 : 0;
            clientHolds += c.holds() ? 1 : 0;
            if (!s.holds()) {
                serverOther.add(s.text() + (s.contrary() ? " (CSR more)" : " (no significant difference)"));
            }
            if (!c.holds()) {
                clientOther.add(c.text() + (c.contrary() ? " (SSR more)" : " (no significant difference)"));
            }
        }
        if (decided == 0) {
            return new ClaimRow(
                    TOPIC,
                    CLAIM,
                    MEASUREMENT,
                    ssrText,
                    csrText,
                    ClaimVerdict.NOT_MEASURABLE,
                    "too few complete pairs for a verdict in any cell: over " + cells.size() + " cells the paired test"
                            + " needs at least " + pairsNeeded(cells.size())
                            + " pairs with app CPU and task time on both"
                            + " sides to reach p < 0.05 after Holm; app CPU SSR/CSR " + range(server));
        }
        StringBuilder why = new StringBuilder();
        why.append("SSR used more app-server CPU in ")
                .append(serverHolds)
                .append(" of ")
                .append(decided)
                .append(" cells (paired ratio SSR/CSR ")
                .append(range(server))
                .append(")");
        if (!serverOther.isEmpty()) {
            why.append("; not in ").append(firstFew(serverOther));
        }
        why.append("; CSR used more browser task time in ")
                .append(clientHolds)
                .append(" of ")
                .append(decided)
                .append(" cells (CSR/SSR ")
                .append(range(client))
                .append(")");
        if (!clientOther.isEmpty()) {
            why.append("; not in ").append(firstFew(clientOther));
        }
        int skipped = cells.size() - decided;
        if (skipped > 0) {
            why.append("; ")
                    .append(skipped)
                    .append(" cell")
                    .append(skipped == 1 ? "" : "s")
                    .append(" with too few complete pairs for the test to reach significance left out");
        }
        why.append(". Appwrite's own CPU is reported separately in the Resources section");
        ClaimVerdict verdict = serverHolds == decided && clientHolds == decided
                ? ClaimVerdict.CONFIRMED
                : serverHolds == 0 && clientHolds == 0 ? ClaimVerdict.REFUTED : ClaimVerdict.PARTLY_CONFIRMED;
        return new ClaimRow(TOPIC, CLAIM, MEASUREMENT, ssrText, csrText, verdict, why.toString());
    }

    /** The paired ratio numerator/denominator of {@code metric} in every cell, Holm-corrected across them. */
    private List<Part> parts(Metric metric, String numerator, String denominator) {
        List<Part> parts = new ArrayList<>();
        for (CellComparison cell : cells) {
            Map<Integer, Double> top = byPair(numerator, metric, cell);
            Map<Integer, Double> bottom = byPair(denominator, metric, cell);
            List<Double> logs = new ArrayList<>();
            for (Map.Entry<Integer, Double> pair : top.entrySet()) {
                Double other = bottom.get(pair.getKey());
                if (other != null) {
                    logs.add(Math.log(Math.max(pair.getValue(), ZERO_MS) / Math.max(other, ZERO_MS)));
                }
            }
            double[] logRatios = logs.stream().mapToDouble(Double::doubleValue).toArray();
            String name = cell.flow() + "/" + cell.profile();
            if (logRatios.length == 0) {
                parts.add(new Part(name, 0, null, null, 1, null, false));
                continue;
            }
            Interval log = Bootstrap.medianInterval(
                    logRatios, seed * 31 + (cell.flow() + "|" + cell.profile() + "|" + metric.key()).hashCode());
            parts.add(new Part(
                    name,
                    logRatios.length,
                    Math.exp(Quantiles.median(logRatios)),
                    new Interval(Math.exp(log.low()), Math.exp(log.high())),
                    SignedRankTest.test(logRatios).pValue(),
                    null,
                    false));
        }
        double[] adjusted = Holm.adjust(parts.stream()
                .filter(p -> p.pairs() > 0)
                .mapToDouble(Part::pValue)
                .toArray());
        int needed = pairsNeeded(adjusted.length);
        List<Part> out = new ArrayList<>();
        int next = 0;
        for (Part p : parts) {
            out.add(
                    p.pairs() == 0
                            ? p
                            : new Part(
                                    p.cell(),
                                    p.pairs(),
                                    p.ratio(),
                                    p.interval(),
                                    p.pValue(),
                                    adjusted[next++],
                                    p.pairs() >= needed));
        }
        return out;
    }

    private Map<Integer, Double> byPair(String variant, Metric metric, CellComparison cell) {
        Map<Integer, Double> values = new TreeMap<>();
        for (Sample s : measured) {
            if (s.variant().equals(variant)
                    && s.flow().equals(cell.flow())
                    && s.profile().equals(cell.profile())) {
                Double value = s.metrics().numberOrNull(metric);
                if (value != null) {
                    values.put(s.pair(), value);
                }
            }
        }
        return values;
    }

    /**
     * The fewest pairs with which a cell can be significant at all among {@code cells} tested cells: the exact
     * signed-rank test's smallest two-sided p is 2 / 2^n, and Holm may multiply it by the number of cells. Fewer
     * pairs than that can only ever say "no significant difference", which is no evidence against the claim.
     */
    static int pairsNeeded(int cells) {
        int n = Verdict.MIN_PAIRS;
        while (Math.pow(2, 1 - n) * Math.max(1, cells) >= Verdict.ALPHA) {
            n++;
        }
        return n;
    }

    /** Up to four cells by name, then how many more: the row stays readable with 28 cells. */
    private static String firstFew(List<String> cells) {
        int shown = Math.min(4, cells.size());
        return String.join(", ", cells.subList(0, shown))
                + (cells.size() > shown ? " and " + (cells.size() - shown) + " more" : "");
    }

    /** "0.9× to 4.1×" over the cells that have a ratio. */
    private static String range(List<Part> parts) {
        double[] ratios = parts.stream()
                .filter(p -> p.ratio() != null)
                .mapToDouble(Part::ratio)
                .sorted()
                .toArray();
        if (ratios.length == 0) {
            return "not available";
        }
        return ratios.length == 1
                ? times(ratios[0]) + "×"
                : times(ratios[0]) + "× to " + times(ratios[ratios.length - 1]) + "×";
    }

    /** A ratio: two decimals below 10 ("0.93", "3.42"), one above ("27.5"). */
    static String times(double ratio) {
        return String.format(Locale.ROOT, ratio < 10 ? "%.2f" : "%.1f", ratio);
    }

    private String figures(String variant) {
        return "app CPU " + msOr(median(variant, Metric.APP_CPU_MS, s -> true), "not measured")
                + ", Appwrite CPU " + msOr(median(variant, Metric.APPWRITE_CPU_MS, s -> true), "not measured")
                + ", client tasks " + msOr(median(variant, Metric.TASK_MS, s -> true), "not measured")
                + " per page view (median, all cells)";
    }

    private static String msOr(Double value, String otherwise) {
        if (value == null) {
            return otherwise;
        }
        return value < 1 ? String.format(Locale.ROOT, "%.2f ms", value) : Format.ms(value);
    }

    private Double median(String variant, Metric metric, Predicate<Sample> filter) {
        double[] values = measured.stream()
                .filter(s -> s.variant().equals(variant))
                .filter(filter)
                .filter(s -> cells.stream()
                        .anyMatch(c -> c.flow().equals(s.flow()) && c.profile().equals(s.profile())))
                .map(s -> s.metrics().numberOrNull(metric))
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .toArray();
        return Quantiles.median(values);
    }
}
