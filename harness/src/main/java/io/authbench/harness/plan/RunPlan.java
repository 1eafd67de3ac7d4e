package io.authbench.harness.plan;

import io.authbench.harness.profile.NetworkProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The order in which a run executes its iterations (docs/statistics.md#run-order): paired SSR/CSR iterations per cell
 * (flow × profile), a warm-up after each restart of the stack, each pair's order drawn from a seed.
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li><b>In blocks.</b> A plan is one block of a run ({@link #block}): a full pass over the profiles and their open
 *       cells, each with its next {@code pairs} measured pairs, numbered on from the earlier blocks'. With
 *       {@code reorder}, the block draws its own profile order and cell order from the seed; the rules below hold
 *       within each block. The engine restarts the stack for every profile of every block.</li>
 *   <li><b>Profile by profile.</b> All cells of one profile run before the next profile starts: switching profile
 *       means new links and restarted apps, which is slow and disturbs the machine, so it happens once per
 *       profile. Within a profile, flows run in the order given, then the A/A cell (if any).</li>
 *   <li><b>Cell by cell.</b> A cell's {@code pairs} measured pairs run one after the other. Interleaving cells would
 *       spread drift across them, but the verdict rests on the paired SSR/CSR ratio, which pairing already protects
 *       from drift: the two halves of a pair run back to back.</li>
 *   <li><b>Warm-up after each restart.</b> The first cell of each profile's batch in a block (the first to run after
 *       the stack restarted) runs {@code warmupPairs} discarded pairs before its measured ones; the later cells of
 *       the batch run none. Measured in two default-length runs (docs/measurements.md): the first iteration after a
 *       restart is often slow (warm-up over its cell's median 1.06 to 1.15, above 1.2 in a third of cases), while
 *       a warm-up pair of a later cell was as fast as the measured pairs (1.01; above 1.2 in 8 to 11 % of cases,
 *       measured samples 6 to 7 %), so per-cell warm-ups cost a seventh of a default run for nothing.</li>
 *   <li><b>Seeded, balanced order within pairs.</b> In each cell, half of the measured pairs run SSR first and
 *       half CSR first (one extra either way, at random, for an odd count), in a shuffled sequence; warm-up pairs
 *       likewise. So any advantage of running first or second (a warmer server, a warmer browser) cancels out of
 *       the paired ratio instead of biasing it.</li>
 *   <li><b>Two frameworks, interleaved pair by pair.</b> With the Next.js pair on, every cell also measures
 *       {@link Variant#NEXT_SSR} and {@link Variant#NEXT_CSR}: for each pair number k, the Undertow pair k
 *       ({@code ssr}, {@code csr}) and the Next.js pair k ({@code next-ssr}, {@code next-csr}) run back to back, so
 *       the framework effect can pair {@code next-ssr} k with {@code ssr} k, measured moments apart. Which of the
 *       two pairs goes first is drawn per k, balanced like the order within pairs (half of the k Undertow first);
 *       the order within each pair is drawn as above, from the pair's own generator, so the Undertow pairs keep
 *       exactly the order they have in a run without Next.js. Each pair keeps its own pair numbers and orders
 *       0 and 1. Warm-up pairs likewise.</li>
 *   <li><b>A/A cell.</b> With an {@code aaFlow}, the first profile also gets a cell that pairs {@link Variant#SSR_A}
 *       with {@link Variant#SSR_B} on that flow, with the same warm-ups, pairs and ordering rules. One A/A cell
 *       measures the harness's own noise floor; the first profile (loopback by default) is where no network delay
 *       hides it, and one cell instead of one per profile keeps the default run within its time budget.</li>
 * </ul>
 *
 * <h2>Determinism</h2>
 * The same arguments give the same plan. Each cell's order is drawn from its own generator, seeded from the
 * run's seed, the flow's {@code toString()} and the profile's name, so a cell keeps its order when other flows or
 * profiles are added to or removed from a run (use flows whose {@code toString()} is stable, e.g. enum constants
 * or strings). Only {@link Random}'s specified algorithm is used, so plans are the same on every JDK.
 *
 * <h2>Skipped flows</h2>
 * A flow the apps cannot run (a target without a profile page cannot run {@code navigate}) gets no cell at all, and
 * {@link #skipped()} says why: deciding it here, before anything runs, spends no iteration on a flow that can only
 * fail, and the reason is known in time to be recorded with the run's configuration. The Next.js pair has its own
 * reasons ({@link #nextjsSkipped()}): a flow only one framework's apps cannot run is skipped for that framework
 * only, and the other framework's pairs of the cell run as without it.
 *
 * @param <F> the flow type (the harness's flow enum; anything with a stable {@code toString()})
 */
public final class RunPlan<F> {

    private final long seed;
    private final int cellCount;
    private final List<PlannedIteration<F>> iterations;
    private final Map<F, String> skipped;
    private final Map<F, String> nextjsSkipped;

    private RunPlan(
            long seed,
            int cellCount,
            List<PlannedIteration<F>> iterations,
            Map<F, String> skipped,
            Map<F, String> nextjsSkipped) {
        this.seed = seed;
        this.cellCount = cellCount;
        this.iterations = List.copyOf(iterations);
        this.skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        this.nextjsSkipped = Collections.unmodifiableMap(new LinkedHashMap<>(nextjsSkipped));
    }

    /** A plan in which every flow can run (see {@link #build(List, List, int, int, long, Object, Function)}). */
    public static <F> RunPlan<F> build(
            List<F> flows, List<NetworkProfile> profiles, int pairs, int warmupPairs, long seed, F aaFlow) {
        return build(flows, profiles, pairs, warmupPairs, seed, aaFlow, flow -> Optional.empty());
    }

    /** A plan of the Undertow pair only (see {@link #build(List, List, int, int, long, Object, Function, Function)}). */
    public static <F> RunPlan<F> build(
            List<F> flows,
            List<NetworkProfile> profiles,
            int pairs,
            int warmupPairs,
            long seed,
            F aaFlow,
            Function<F, Optional<String>> skipReason) {
        return build(flows, profiles, pairs, warmupPairs, seed, aaFlow, skipReason, null);
    }

    /**
     * Builds a plan of one block (block 0, every cell, flows and profiles in the order given): the whole run when it
     * has one block (see {@link #block} for the arguments).
     */
    public static <F> RunPlan<F> build(
            List<F> flows,
            List<NetworkProfile> profiles,
            int pairs,
            int warmupPairs,
            long seed,
            F aaFlow,
            Function<F, Optional<String>> skipReason,
            Function<F, Optional<String>> nextjsSkipReason) {
        return block(
                flows, profiles, pairs, warmupPairs, seed, aaFlow, skipReason, nextjsSkipReason, 0, false, c -> true);
    }

    /**
     * Builds the plan of one block of a run (docs/statistics.md#blocks).
     *
     * @param flows       the flows, in the order their cells should run; not empty, no duplicates
     * @param profiles    the profiles, in the order they should run; not empty, no two with the same name
     * @param pairs       measured pairs per cell in this block; at least 1
     * @param warmupPairs warm-up pairs run and discarded before the first cell of each profile; 0 or more
     * @param seed        seed of every random choice in the plan (recorded in results.json)
     * @param aaFlow      the flow of the A/A cell (SSR against SSR) in the first profile, or {@code null} for none
     * @param skipReason  why a flow cannot run against the apps (empty: it can); such a flow gets no cells (nor the
     *                    A/A cell, if it is the A/A flow) and is listed in {@link #skipped()}
     * @param nextjsSkipReason null: no Next.js pair (a two-variant run); otherwise the Next.js pair runs in every
     *                    cell, and this says why a flow cannot run against the Next.js apps (that flow then runs the
     *                    Undertow pair only and is listed in {@link #nextjsSkipped()})
     * @param block       the block, from 0: its pairs are numbered from {@code block × pairs} (warm-ups from
     *                    {@code block × warmupPairs}), so pair numbers stay unique in a cell across blocks; block 0
     *                    draws exactly the orders of a run without blocks
     * @param reorder     true: the profiles' order, and the cells' order within each profile, are drawn for this
     *                    block from the seed; false: as given (flows in order, then the A/A cell)
     * @param open        which cells run in this block (the others stopped in an earlier one)
     * @throws IllegalArgumentException naming the argument that is out of range
     */
    public static <F> RunPlan<F> block(
            List<F> flows,
            List<NetworkProfile> profiles,
            int pairs,
            int warmupPairs,
            long seed,
            F aaFlow,
            Function<F, Optional<String>> skipReason,
            Function<F, Optional<String>> nextjsSkipReason,
            int block,
            boolean reorder,
            Predicate<CellKey> open) {
        requireDistinct("flows", flows.stream().map(String::valueOf).toList());
        requireDistinct("profiles", profiles.stream().map(NetworkProfile::name).toList());
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs must be at least 1, got " + pairs);
        }
        if (warmupPairs < 0) {
            throw new IllegalArgumentException("warm-up pairs must be 0 or more, got " + warmupPairs);
        }
        if (block < 0) {
            throw new IllegalArgumentException("block must be 0 or more, got " + block);
        }
        Map<F, String> skipped = new LinkedHashMap<>();
        Map<F, String> nextjsSkipped = new LinkedHashMap<>();
        for (F flow : flows) {
            skipReason.apply(flow).ifPresent(reason -> skipped.put(flow, reason));
            if (nextjsSkipReason != null) {
                nextjsSkipReason.apply(flow).ifPresent(reason -> nextjsSkipped.put(flow, reason));
            }
        }
        if (aaFlow != null) {
            skipReason.apply(aaFlow).ifPresent(reason -> skipped.putIfAbsent(aaFlow, reason));
        }
        Draw draw = new Draw(seed, block, pairs, warmupPairs);
        List<NetworkProfile> profileOrder =
                reorder ? shuffled(profiles, new Random(cellSeed(seed, "", "", PROFILE_ORDER + block))) : profiles;
        List<PlannedIteration<F>> iterations = new ArrayList<>();
        int cells = 0;
        for (NetworkProfile profile : profileOrder) {
            List<PlannedCell<F>> planned = new ArrayList<>();
            for (F flow : flows) {
                List<Series> series = new ArrayList<>();
                if (!skipped.containsKey(flow)) {
                    series.add(draw.series(flow, profile, Variant.SSR, Variant.CSR));
                }
                if (nextjsSkipReason != null && !nextjsSkipped.containsKey(flow)) {
                    series.add(draw.series(flow, profile, Variant.NEXT_SSR, Variant.NEXT_CSR));
                }
                planned.add(new PlannedCell<>(flow, false, series));
            }
            if (aaFlow != null && !skipped.containsKey(aaFlow) && profile == profiles.get(0)) {
                planned.add(new PlannedCell<>(
                        aaFlow, true, List.of(draw.series(aaFlow, profile, Variant.SSR_A, Variant.SSR_B))));
            }
            if (reorder) {
                planned = shuffled(planned, new Random(cellSeed(seed, "", profile.name(), CELL_ORDER + block)));
            }
            boolean warmed = false;
            for (PlannedCell<F> cell : planned) {
                if (cell.series().isEmpty()
                        || !open.test(new CellKey(String.valueOf(cell.flow()), profile.name(), cell.aa()))) {
                    continue;
                }
                addCell(iterations, cell.flow(), profile, cell.series(), draw, !warmed);
                warmed = true;
                cells += cell.series().size();
            }
        }
        return new RunPlan<>(seed, cells, iterations, skipped, nextjsSkipped);
    }

    /** A cell before the block's cell order is drawn. */
    private record PlannedCell<F>(F flow, boolean aa, List<Series> series) {}

    /**
     * The random draws of one block: block 0 mixes exactly the names a run without blocks used into the seeds, so
     * its orders are that run's; later blocks mix in their number, so every block draws fresh, balanced orders.
     */
    private record Draw(long seed, int block, int pairs, int warmupPairs) {
        String name(String base) {
            return block == 0 ? base : base + "#block" + block;
        }

        Series series(Object flow, NetworkProfile profile, Variant a, Variant b) {
            return Series.draw(flow, profile, a, b, pairs, warmupPairs, seed, name(a.label()));
        }

        Random seriesOrder(Object flow, NetworkProfile profile) {
            return new Random(cellSeed(seed, String.valueOf(flow), profile.name(), name(SERIES_ORDER)));
        }
    }

    /** One pair of variants' orders in a cell: per pair number, whether {@code a} runs first. */
    private record Series(Variant a, Variant b, boolean[] warmupAFirst, boolean[] measuredAFirst) {
        /** Drawn from the cell's generator for {@code a}: the same draws whether or not another series shares the cell. */
        static Series draw(
                Object flow,
                NetworkProfile profile,
                Variant a,
                Variant b,
                int pairs,
                int warmupPairs,
                long seed,
                String name) {
            Random random = new Random(cellSeed(seed, String.valueOf(flow), profile.name(), name));
            boolean[] warmupAFirst = balancedCoinFlips(warmupPairs, random);
            boolean[] measuredAFirst = balancedCoinFlips(pairs, random);
            return new Series(a, b, warmupAFirst, measuredAFirst);
        }
    }

    /**
     * The cell's iterations: warm-up pairs when {@code warmUp} (the first cell after the stack restarted), then
     * measured pairs; with two series, their pairs k run back to back, in an order drawn (balanced) from a generator
     * of its own. The warm-up orders are drawn either way, so a cell's measured orders do not depend on its place.
     */
    private static <F> void addCell(
            List<PlannedIteration<F>> out,
            F flow,
            NetworkProfile profile,
            List<Series> series,
            Draw draw,
            boolean warmUp) {
        boolean[] warmupFirstSeriesFirst = new boolean[draw.warmupPairs()];
        boolean[] measuredFirstSeriesFirst = new boolean[draw.pairs()];
        if (series.size() == 2) {
            Random random = draw.seriesOrder(flow, profile);
            warmupFirstSeriesFirst = balancedCoinFlips(draw.warmupPairs(), random);
            measuredFirstSeriesFirst = balancedCoinFlips(draw.pairs(), random);
        }
        if (warmUp) {
            addPairs(out, flow, profile, series, warmupFirstSeriesFirst, true, draw.block() * draw.warmupPairs(), draw);
        }
        addPairs(out, flow, profile, series, measuredFirstSeriesFirst, false, draw.block() * draw.pairs(), draw);
    }

    private static <F> void addPairs(
            List<PlannedIteration<F>> out,
            F flow,
            NetworkProfile profile,
            List<Series> series,
            boolean[] firstSeriesFirst,
            boolean warmup,
            int firstPair,
            Draw draw) {
        for (int k = 0; k < firstSeriesFirst.length; k++) {
            List<Series> ordered =
                    series.size() == 2 && !firstSeriesFirst[k] ? List.of(series.get(1), series.get(0)) : series;
            int pair = firstPair + k;
            for (Series s : ordered) {
                boolean aFirst = warmup ? s.warmupAFirst()[k] : s.measuredAFirst()[k];
                out.add(new PlannedIteration<>(flow, profile, pair, 0, aFirst ? s.a() : s.b(), warmup, draw.block()));
                out.add(new PlannedIteration<>(flow, profile, pair, 1, aFirst ? s.b() : s.a(), warmup, draw.block()));
            }
        }
    }

    /** The name mixed into the seed of a block's profile order. */
    static final String PROFILE_ORDER = "profile-order#";
    /** The name mixed into the seed of a block's cell order within a profile. */
    static final String CELL_ORDER = "cell-order#";

    /** A copy of {@code items} in an order drawn from {@code random} (Fisher–Yates, spelled out as below). */
    static <T> List<T> shuffled(List<T> items, Random random) {
        List<T> out = new ArrayList<>(items);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = out.get(i);
            out.set(i, out.get(j));
            out.set(j, swap);
        }
        return out;
    }

    /** The name mixed into the seed of the Undertow/Next.js pair order (no variant label can equal it). */
    static final String SERIES_ORDER = "framework-order";

    /** {@code count} booleans, half true and half false (the odd one random), in random order. */
    static boolean[] balancedCoinFlips(int count, Random random) {
        boolean[] flips = new boolean[count];
        int trues = count / 2 + (count % 2 == 1 && random.nextBoolean() ? 1 : 0);
        for (int i = 0; i < trues; i++) {
            flips[i] = true;
        }
        for (int i = count - 1; i > 0; i--) { // Fisher–Yates, spelled out so no JDK shuffle detail can change it
            int j = random.nextInt(i + 1);
            boolean swap = flips[i];
            flips[i] = flips[j];
            flips[j] = swap;
        }
        return flips;
    }

    /** Mixes the run seed with the cell's identity (SplitMix64 finaliser over a 64-bit FNV-1a hash). */
    static long cellSeed(long seed, String flow, String profile, String series) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (flow + '\u0000' + profile + '\u0000' + series).getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        long z = seed ^ hash;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static void requireDistinct(String what, List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException(what + ": at least one is needed");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException(what + ": '" + name + "' is listed twice");
            }
        }
    }

    /** The seed the plan was drawn from. */
    public long seed() {
        return seed;
    }

    /** The flows given no cells, each with the reason, in the order they were asked for. */
    public Map<F, String> skipped() {
        return skipped;
    }

    /** The flows the Next.js pair skips (their cells run the Undertow pair only), each with the reason. */
    public Map<F, String> nextjsSkipped() {
        return nextjsSkipped;
    }

    /** Every iteration in run order. */
    public List<PlannedIteration<F>> iterations() {
        return iterations;
    }

    /** Number of iterations, warm-ups included. */
    public int size() {
        return iterations.size();
    }

    /**
     * Number of cells, the A/A cells included; with the Next.js pair, a flow and profile count as two cells (one per
     * framework's pair of variants), so every cell has the same number of pairs.
     */
    public int cellCount() {
        return cellCount;
    }

    /** The iterations grouped by profile name, in run order: what runs between two profile switches. */
    public Map<String, List<PlannedIteration<F>>> byProfile() {
        Map<String, List<PlannedIteration<F>>> groups = new LinkedHashMap<>();
        for (PlannedIteration<F> iteration : iterations) {
            groups.computeIfAbsent(iteration.profileName(), name -> new ArrayList<>())
                    .add(iteration);
        }
        groups.replaceAll((name, list) -> List.copyOf(list));
        return groups;
    }

    /**
     * One line for the console, e.g. {@code "29 cells × 4 measured pairs + 8 warm-up pairs = 248 iterations, seed
     * 42"}.
     */
    public String describe() {
        long warmupPairs = iterations.stream().filter(PlannedIteration::warmup).count() / 2;
        long measuredPairs = iterations.size() / 2 - warmupPairs;
        String perCell = cellCount == 0
                ? "0"
                : measuredPairs % cellCount == 0
                        ? String.valueOf(measuredPairs / cellCount)
                        : "≈ " + Math.round((double) measuredPairs / cellCount);
        return cellCount + " cells × " + perCell + " measured pairs + " + warmupPairs + " warm-up pairs = "
                + iterations.size() + " iterations, seed " + seed;
    }
}
