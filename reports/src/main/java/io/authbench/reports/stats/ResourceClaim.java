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
 * per-iteration figures with paired ratios and intervals, and checked against the server phase.
 *
 * <p>Browser phase. In each SSR/CSR cell (flow × profile), the pairs whose two samples are ok and measured the metric
 * give one ratio each: app-server CPU SSR/CSR ({@code appCpuMs}, per iteration, JIT apart) and browser task time
 * CSR/SSR ({@code taskMs}), so that a ratio above 1 supports the claim. A value of 0 counts as {@value #ZERO_MS} ms
 * (1 µs, below anything the servers can attribute) so the ratio stays finite; the median, its interval and the rank
 * test depend on its order only. The cell's ratio is the exp of the median log ratio, its 95 % interval the one
 * every section uses for a median of pairs ({@link MedianInterval}: the block-aware bootstrap, seed
 * {@code run.seed * 31 + (flow|profile|metric).hashCode()}, or order statistics with one block), its p-value the
 * signed-rank test's (with blocks, the larger of it and the block bootstrap's, as for time to content), Holm-corrected
 * across the cells of the same metric. A part of a cell is judged only with enough pairs for that test to reach Holm
 * p &lt; 0.05 at all ({@link TimingRule#minPairs}: 7 pairs for 2 cells, 11 for 28); it <b>holds</b> with Holm
 * p &lt; 0.05 and the interval above 1, and is <b>contrary</b> when the same holds with the interval below 1.
 *
 * <p>Server phase. The server phase's app CPU per page view ({@link ServerPhaseCpu}: JMH, the benchmarks replaying
 * a signed-in page view) <b>supports</b> the server half when SSR's exceeds CSR's by more than
 * {@value #SERVER_MARGIN_PERCENT} % (the figures have no interval; 20 % is also the agreement the report asks of the
 * two phases, see {@link CpuAgreement}), is <b>contrary</b> when CSR's exceeds SSR's by as much, and is even
 * otherwise.
 *
 * <p>Verdict. Over the cells where both parts have enough pairs: <b>confirmed</b> when both hold in every such cell
 * and the server phase, when it ran, supports; <b>refuted</b> when neither holds in any cell and the server phase,
 * when it ran, does not support; <b>partly confirmed</b> otherwise. <b>Not measured</b> when either variant has no
 * app CPU (an app the harness cannot read: not Linux, a remote or external app) or no task time at all, or no cell
 * has enough pairs: no verdict from half a measurement, whatever the server phase says (it cannot speak for the
 * client half).
 */
public final class ResourceClaim {
    static final String TOPIC = "Resource utilization";
    static final String CLAIM = "SSR loads the server; CSR offloads rendering to the client, which does more work";
    static final String MEASUREMENT = "app-server CPU per page view (its threads' run time around each iteration, JIT"
            + " compilation apart) and browser main-thread task time, as paired SSR/CSR ratios per cell with 95 %"
            + " intervals; the server phase's app CPU per page view (JMH)";
    /** What a measured 0 counts as in a ratio, in ms. */
    static final double ZERO_MS = 0.001;
    /** How much more CPU per page view SSR's app must use in the server phase to support the claim. */
    static final int SERVER_MARGIN_PERCENT = 20;

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

    /** What the server phase says about the server half. */
    enum ServerSide {
        SUPPORTS,
        EVEN,
        CONTRARY,
        ABSENT
    }

    private final List<Sample> measured;
    private final List<CellComparison> cells;
    private final long seed;
    private final ServerPhaseCpu serverPhase;

    private ResourceClaim(List<Sample> measured, List<CellComparison> cells, long seed, ServerPhaseCpu serverPhase) {
        this.measured = measured;
        this.cells = cells;
        this.seed = seed;
        this.serverPhase = serverPhase;
    }

    /**
     * @param measured    ok, non-warm-up samples
     * @param cells       the SSR/CSR cells to judge (their flow and profile)
     * @param seed        the run's seed, for the bootstrap
     * @param serverPhase the server phase's CPU per page view (variants {@code ssr} and {@code csr})
     */
    public static ClaimRow row(
            List<Sample> measured, List<CellComparison> cells, long seed, ServerPhaseCpu serverPhase) {
        return new ResourceClaim(measured, cells, seed, serverPhase).judge();
    }

    /** The browser phase alone (no server phase in the run). */
    public static ClaimRow row(List<Sample> measured, List<CellComparison> cells, long seed) {
        return row(measured, cells, seed, ServerPhaseCpu.of(List.of()));
    }

    /** The rule in words, shown next to the verdict. */
    static String rule(int cellsWithPairs) {
        return "per cell, the paired ratios of per-iteration app CPU (SSR/CSR) and browser task time (CSR/SSR) must"
                + " each be above 1 with Holm p < 0.05 and the 95 % interval above 1, in cells with at least "
                + TimingRule.minPairs(cellsWithPairs) + " complete pairs (the fewest with which the test can reach"
                + " Holm p < 0.05 among " + cellsWithPairs + " cells); the server phase's app CPU per page view (JMH)"
                + " must be more than " + SERVER_MARGIN_PERCENT + " % higher for SSR when it ran. Confirmed when all of"
                + " it holds in every judged cell, refuted when none of it holds, partly confirmed otherwise; not"
                + " measured when app CPU or task time is missing for a variant or no cell has enough pairs";
    }

    private ClaimRow judge() {
        ServerSide side = serverSide();
        String ssrText = figures(Variants.SSR);
        String csrText = figures(Variants.CSR);
        int withPairs = TimingRule.family(cells);
        ClaimRow row = new ClaimRow(TOPIC, CLAIM, MEASUREMENT, ssrText, csrText, null, null, rule(withPairs));
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
            return row.with(
                    ClaimVerdict.NOT_MEASURED,
                    String.join(", ", missing) + " not measured (CPU is read from /proc on Linux, only for app and"
                            + " Appwrite processes on this machine), so there is no verdict; " + serverText(side));
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
            return row.with(
                    ClaimVerdict.NOT_MEASURED,
                    "too few complete pairs for a verdict in any cell: over " + withPairs + " cells the paired test"
                            + " needs at least " + TimingRule.minPairs(withPairs)
                            + " pairs with app CPU and task time on both"
                            + " sides to reach p < 0.05 after Holm; app CPU SSR/CSR " + range(server) + "; "
                            + serverText(side));
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
        why.append("; ").append(serverText(side));
        why.append(". Appwrite's own CPU is reported separately in the Resources section");
        boolean all = serverHolds == decided
                && clientHolds == decided
                && side != ServerSide.CONTRARY
                && side != ServerSide.EVEN;
        boolean none = serverHolds == 0 && clientHolds == 0 && side != ServerSide.SUPPORTS;
        ClaimVerdict verdict =
                all ? ClaimVerdict.CONFIRMED : none ? ClaimVerdict.REFUTED : ClaimVerdict.PARTLY_CONFIRMED;
        return row.with(verdict, why.toString());
    }

    /** The server phase's SSR/CSR app CPU per page view against the margin. */
    private ServerSide serverSide() {
        var ssr = serverPhase.view(Variants.SSR);
        var csr = serverPhase.view(Variants.CSR);
        if (ssr.isEmpty() || csr.isEmpty()) {
            return ServerSide.ABSENT;
        }
        double margin = 1 + SERVER_MARGIN_PERCENT / 100.0;
        double a = ssr.get().appMs();
        double b = csr.get().appMs();
        return a > b * margin ? ServerSide.SUPPORTS : b > a * margin ? ServerSide.CONTRARY : ServerSide.EVEN;
    }

    private String serverText(ServerSide side) {
        if (side == ServerSide.ABSENT) {
            return "server phase: not measured ("
                    + (serverPhase.view(Variants.SSR).isEmpty()
                            ? serverPhase.missing(Variants.SSR)
                            : serverPhase.missing(Variants.CSR))
                    + ")";
        }
        ServerPhaseCpu.View ssr = serverPhase.view(Variants.SSR).orElseThrow();
        ServerPhaseCpu.View csr = serverPhase.view(Variants.CSR).orElseThrow();
        String figures = "SSR " + ServerPhaseCpu.ms(ssr.appMs()) + " vs CSR " + ServerPhaseCpu.ms(csr.appMs())
                + " app CPU per page view";
        return "server phase: " + figures
                + switch (side) {
                    case SUPPORTS -> ", SSR's more than " + SERVER_MARGIN_PERCENT + " % higher (supports)";
                    case CONTRARY -> ", CSR's more than " + SERVER_MARGIN_PERCENT + " % higher (contrary)";
                    default -> ", within " + SERVER_MARGIN_PERCENT + " % of each other (no support)";
                };
    }

    /** The paired ratio numerator/denominator of {@code metric} in every cell, Holm-corrected across them. */
    private List<Part> parts(Metric metric, String numerator, String denominator) {
        List<Part> parts = new ArrayList<>();
        for (CellComparison cell : cells) {
            Map<Integer, Sample> top = byPair(numerator, metric, cell);
            Map<Integer, Sample> bottom = byPair(denominator, metric, cell);
            List<Double> logs = new ArrayList<>();
            List<Integer> blocks = new ArrayList<>();
            for (Map.Entry<Integer, Sample> pair : top.entrySet()) {
                Sample other = bottom.get(pair.getKey());
                if (other != null) {
                    double a = pair.getValue().metrics().numberOrNull(metric);
                    double b = other.metrics().numberOrNull(metric);
                    logs.add(Math.log(Math.max(a, ZERO_MS) / Math.max(b, ZERO_MS)));
                    Integer block = pair.getValue().block();
                    blocks.add(block == null ? 0 : block);
                }
            }
            double[] logRatios = logs.stream().mapToDouble(Double::doubleValue).toArray();
            int[] pairBlocks = blocks.stream().mapToInt(Integer::intValue).toArray();
            String name = cell.flow() + "/" + cell.profile();
            if (logRatios.length == 0) {
                parts.add(new Part(name, 0, null, null, 1, null, false));
                continue;
            }
            Bootstrap.BlockResult interval = MedianInterval.of(
                    logRatios,
                    pairBlocks,
                    seed * 31 + (cell.flow() + "|" + cell.profile() + "|" + metric.key()).hashCode());
            Interval log = interval.interval();
            // As for time to content: with blocks, the test on pairs and the variation between blocks must agree.
            double p = SignedRankTest.test(logRatios).pValue();
            parts.add(new Part(
                    name,
                    logRatios.length,
                    Math.exp(Quantiles.median(logRatios)),
                    new Interval(Math.exp(log.low()), Math.exp(log.high())),
                    Double.isNaN(interval.twoSidedP()) ? p : Math.max(p, interval.twoSidedP()),
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

    /** The variant's samples of the cell that measured {@code metric}, by pair number. */
    private Map<Integer, Sample> byPair(String variant, Metric metric, CellComparison cell) {
        Map<Integer, Sample> samples = new TreeMap<>();
        for (Sample s : measured) {
            if (s.variant().equals(variant)
                    && s.flow().equals(cell.flow())
                    && s.profile().equals(cell.profile())
                    && s.metrics().numberOrNull(metric) != null) {
                samples.put(s.pair(), s);
            }
        }
        return samples;
    }

    /** The fewest pairs with which a cell can be significant at all among {@code cells} tested cells. */
    static int pairsNeeded(int cells) {
        return TimingRule.minPairs(cells);
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
