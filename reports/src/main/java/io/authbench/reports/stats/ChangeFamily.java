package io.authbench.reports.stats;

import io.authbench.reports.results.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Tests a family of run-to-run changes (one log change per cell, each with its own standard error) while allowing
 * for the noise between runs, by one of two {@link NoiseModel noise models}: {@link #betweenBlocks} when both runs
 * have blocks (each cell against its own between-block variation in both runs), {@link #of} otherwise (the noise
 * between runs estimated across cells, described here).
 *
 * <p>Why: two runs of the same build on the same machine differ by more than their samples explain. The whole run
 * can be faster or slower (another process on the machine, a slower CPU), and every cell also drifts on its own
 * (measured on this machine: cell medians moved by −15 % to +40 % between back-to-back identical runs). A test that
 * uses only the samples' sampling error alarms on identical code. The model per cell {@code i} is
 * <pre>  d_i = g + δ_i + ε_i</pre>
 * with {@code d_i} the observed log change, {@code g} the change common to every cell (the machine-speed factor,
 * estimated only when {@code centred}), {@code δ_i ~ N(0, τ²)} the cell's own between-run drift and {@code ε_i} the
 * sampling error with standard error {@code s_i} (from the bootstrap interval). Estimates, robust to cells that
 * really changed (even when almost half of them moved the same way):
 * <ul>
 *   <li>a first look: the shortest half of the {@code d_i} ({@link Shorth}) gives a centre and a standard deviation;</li>
 *   <li>the cells within {@value #CUT} of those standard deviations of that centre (the cells that did not change)
 *       give {@code g}, their mean (0 when not centred), and {@code σ}, their standard deviation (corrected for the
 *       cut): how much one cell's change scatters between runs;</li>
 *   <li>{@code τ² = max(0, σ² − median s_i²)}: the part of that scatter the sampling errors do not explain;</li>
 *   <li>a cell's standard error {@code sqrt(s_i² + τ² + σ²/m)}, the last term the uncertainty of {@code g} from m
 *       cells (0 when not centred).</li>
 * </ul>
 * Each cell gets {@code z = (d_i − g) / se}, a two-sided normal p-value, Holm's correction across the family, and the
 * widened 95 % interval {@code (d_i − g) ± 1.96 se}. A change is reported when the Holm p-value is below 0.05. With
 * fewer than {@value #MIN_CELLS} cells the spread cannot be estimated and nothing is judged.
 */
public final class ChangeFamily {
    /** Fewest cells from which the spread between runs is estimated (the shortest half needs a few). */
    public static final int MIN_CELLS = 6;

    static final double ALPHA = 0.05;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final double Z95 = NORMAL.inverseCumulativeProbability(0.975);
    /** Cells further than this many first-look standard deviations from the centre do not shape the estimates. */
    static final double CUT = 2.5;
    /** Between blocks: cells further than this many of their own standard errors from the centre do not shape it. */
    static final double CORE_Z = 3;
    /** The standard deviation of a normal sample cut at ±{@value #CUT} σ, in σ: undone so the estimate is σ. */
    private static final double TRUNCATED_SD =
            Math.sqrt(1 - 2 * CUT * NORMAL.density(CUT) / (2 * NORMAL.cumulativeProbability(CUT) - 1));

    private ChangeFamily() {}

    /** Which noise a family's changes were judged against. */
    public enum NoiseModel {
        /**
         * Both runs' own between-block variation ({@link BlockLevels}), each block's common factor removed: used when
         * both runs have at least two blocks.
         */
        BETWEEN_BLOCKS("between blocks"),
        /** The scatter of the changes across cells (one run of one block cannot show its own between-run noise). */
        ACROSS_CELLS("across cells");

        private final String label;

        NoiseModel(String label) {
            this.label = label;
        }

        /** As the report's "noise model" column shows it. */
        public String label() {
            return label;
        }
    }

    /**
     * One observed change.
     *
     * @param logChange ln(now / then)
     * @param stdError  its standard error: the sampling error of both runs (across cells), or both runs' between-block
     *                  error (between blocks)
     * @param df        degrees of freedom of {@code stdError} (between blocks); NaN across cells
     */
    public record Input(double logChange, double stdError, double df) {
        /** A change with a bootstrap sampling error, judged across cells. */
        public Input(double logChange, double stdError) {
            this(logChange, stdError, Double.NaN);
        }
    }

    /**
     * The verdict on one change.
     *
     * @param change   exp(d − g): the change after removing the common factor
     * @param interval its widened 95 % interval
     * @param holmP    two-sided p-value after Holm's correction across the family
     * @param changed  true when {@code holmP < 0.05}
     */
    public record Judged(double change, Interval interval, double holmP, boolean changed) {}

    /**
     * The family's estimates and verdicts.
     *
     * @param cells      number of changes in the family
     * @param common     exp(g): the change common to every cell (1 when not centred)
     * @param spread     exp(σ) − 1 as a fraction: the typical size of one cell's change between runs
     * @param drift      exp(τ) − 1: the part of that spread not explained by the samples (between-run noise)
     * @param judged     per input, in input order; empty when there are too few cells to judge
     * @param model      the noise the changes were judged against
     */
    public record Result(int cells, double common, double spread, double drift, List<Judged> judged, NoiseModel model) {
        public boolean judgeable() {
            return !judged.isEmpty();
        }
    }

    /**
     * @param inputs  the changes of one family
     * @param centred true to estimate and remove a change common to every cell (for times, which move with the
     *                machine); false for quantities that should not move with it (paired ratios)
     */
    public static Result of(List<Input> inputs, boolean centred) {
        int k = inputs.size();
        if (k < MIN_CELLS) {
            return new Result(k, 1, Double.NaN, Double.NaN, List.of(), NoiseModel.ACROSS_CELLS);
        }
        double[] d = inputs.stream().mapToDouble(Input::logChange).toArray();
        // A robust first look (the shortest half), then the cells within CUT of its standard deviations give the
        // centre (their mean) and the spread (their standard deviation): Rousseeuw and Leroy's reweighting step,
        // which keeps the shorth's resistance to changed cells and gains a normal standard deviation's precision.
        Shorth first = Shorth.of(d);
        double firstSigma = first.sigma();
        boolean[] core = new boolean[k];
        int inCore = 0;
        for (int i = 0; i < k; i++) {
            core[i] = Math.abs(d[i] - first.median()) <= CUT * firstSigma;
            inCore += core[i] ? 1 : 0;
        }
        if (firstSigma == 0 || inCore < MIN_CELLS) {
            Arrays.fill(core, true);
        }
        double typicalSampling = Quantiles.median(
                inputs.stream().mapToDouble(i -> i.stdError() * i.stdError()).toArray());
        Estimate e = Estimate.of(d, core, centred, typicalSampling, inputs);
        double g = e.g;
        double sigma = e.sigma;
        double tau2 = e.tau2;
        double[] se = e.se;
        double[] holm = e.holm;
        List<Judged> judged = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double x = d[i] - g;
            judged.add(new Judged(
                    Math.exp(x),
                    new Interval(Math.exp(x - Z95 * se[i]), Math.exp(x + Z95 * se[i])),
                    holm[i],
                    holm[i] < ALPHA));
        }
        return new Result(
                k,
                Math.exp(g),
                Math.exp(sigma) - 1,
                Math.exp(Math.sqrt(tau2)) - 1,
                List.copyOf(judged),
                NoiseModel.ACROSS_CELLS);
    }

    /** Across cells: the estimates from the core cells, and every cell's standard error and Holm p. */
    private record Estimate(double g, double sigma, double tau2, double[] se, double[] holm) {
        static Estimate of(double[] d, boolean[] core, boolean centred, double typicalSampling, List<Input> inputs) {
            int k = d.length;
            double[] kept = IntStream.range(0, k)
                    .filter(i -> core[i])
                    .mapToDouble(i -> d[i])
                    .toArray();
            double mean = Arrays.stream(kept).average().orElse(0);
            double sigma = Math.sqrt(Arrays.stream(kept)
                                    .map(x -> (x - mean) * (x - mean))
                                    .sum()
                            / (kept.length - 1))
                    / TRUNCATED_SD;
            double g = centred ? mean : 0;
            double tau2 = Math.max(0, sigma * sigma - typicalSampling);
            double centreVariance = centred ? sigma * sigma / kept.length : 0;
            double[] p = new double[k];
            double[] se = new double[k];
            for (int i = 0; i < k; i++) {
                double s = inputs.get(i).stdError();
                se[i] = Math.sqrt(s * s + tau2 + centreVariance);
                double z = se[i] == 0 ? (d[i] == g ? 0 : Double.POSITIVE_INFINITY) : (d[i] - g) / se[i];
                p[i] = 2 * NORMAL.cumulativeProbability(-Math.abs(z));
            }
            return new Estimate(g, sigma, tau2, se, Holm.adjust(p));
        }
    }

    /**
     * Judges changes whose standard errors come from both runs' blocks ({@link BlockLevels}): each cell against its
     * own between-block noise, not against the scatter of the other cells' changes, so cells that really changed
     * cannot widen the noise the others are judged against, and a family of a few cells can be judged.
     *
     * <p>With {@code centred}, the run-wide factor {@code g} is the mean change of the cells that did not change:
     * starting from the median change, the cells within {@value #CORE_Z} of their own standard errors of it give the
     * next {@code g} (their mean), until it settles; at least half of the cells, those closest to {@code g} in standard
     * errors, always form it. Its variance (the mean of those cells' variances over their number) is added to each
     * cell's. At least {@value #MIN_CELLS} cells are needed to centre. Each cell gets
     * {@code t = (d − g) / se} with a two-sided p-value from Student's t on the input's degrees of freedom, Holm's
     * correction across the family, and the 95 % interval {@code (d − g) ± t(0.975, df) se}.
     */
    public static Result betweenBlocks(List<Input> inputs, boolean centred) {
        int k = inputs.size();
        if (k == 0 || (centred && k < MIN_CELLS)) {
            return new Result(k, 1, Double.NaN, Double.NaN, List.of(), NoiseModel.BETWEEN_BLOCKS);
        }
        double[] d = inputs.stream().mapToDouble(Input::logChange).toArray();
        double[] s = inputs.stream().mapToDouble(Input::stdError).toArray();
        double g = 0;
        double centreVariance = 0;
        if (centred) {
            g = Quantiles.median(d);
            for (int round = 0; round < 20; round++) {
                double centre = g;
                Integer[] byDistance = new Integer[k];
                for (int i = 0; i < k; i++) {
                    byDistance[i] = i;
                }
                Arrays.sort(byDistance, Comparator.comparingDouble(i -> Math.abs(d[i] - centre) / s[i]));
                List<Integer> core = new ArrayList<>();
                for (int r = 0; r < k; r++) {
                    int i = byDistance[r];
                    if (r < (k + 1) / 2 || Math.abs(d[i] - centre) <= CORE_Z * s[i]) {
                        core.add(i);
                    }
                }
                double next = core.stream().mapToDouble(i -> d[i]).average().orElse(centre);
                centreVariance = core.stream().mapToDouble(i -> s[i] * s[i]).sum() / (core.size() * core.size());
                g = next;
                if (next == centre) {
                    break;
                }
            }
        }
        double[] p = new double[k];
        double[] se = new double[k];
        for (int i = 0; i < k; i++) {
            se[i] = Math.sqrt(s[i] * s[i] + centreVariance);
            double t = se[i] == 0 ? (d[i] == g ? 0 : Double.POSITIVE_INFINITY) : (d[i] - g) / se[i];
            p[i] = 2 * student(inputs.get(i).df()).cumulativeProbability(-Math.abs(t));
        }
        double[] holm = Holm.adjust(p);
        List<Judged> judged = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double e = d[i] - g;
            double q = student(inputs.get(i).df()).inverseCumulativeProbability(0.975);
            judged.add(new Judged(
                    Math.exp(e),
                    new Interval(Math.exp(e - q * se[i]), Math.exp(e + q * se[i])),
                    holm[i],
                    holm[i] < ALPHA));
        }
        return new Result(k, Math.exp(g), Double.NaN, Double.NaN, List.copyOf(judged), NoiseModel.BETWEEN_BLOCKS);
    }

    private static TDistribution student(double df) {
        return new TDistribution(null, df);
    }

    /**
     * The shortest half of the values (the "shorth", as in Rousseeuw's least median of squares): the densest
     * {@code floor(k/2) + 1} values. Unlike the median and the MAD of all values, it describes the cells that did not
     * change even when a real change moved almost half of them the same way (a slower page shows in every flow that
     * ends on it, and in the A/A cell).
     *
     * @param median its median: the centre
     * @param sigma  its half-length / 0.6745 (half of a normal sample lies within ±0.6745 σ) × (1 + 5 / (k − 1)):
     *               a standard deviation; the last factor is Rousseeuw and Leroy's small-sample correction for the
     *               least median of squares scale (without it the shortest half of 20 normal values gives 0.82 σ)
     * @param size   how many values it holds
     */
    record Shorth(double median, double sigma, int size) {
        static Shorth of(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int h = sorted.length / 2 + 1;
            int best = 0;
            for (int i = 1; i + h - 1 < sorted.length; i++) {
                if (sorted[i + h - 1] - sorted[i] < sorted[best + h - 1] - sorted[best]) {
                    best = i;
                }
            }
            double[] half = Arrays.copyOfRange(sorted, best, best + h);
            double halfLength = (half[h - 1] - half[0]) / 2;
            double smallSample = 1 + 5.0 / (sorted.length - 1);
            return new Shorth(
                    Quantiles.median(half), halfLength / NORMAL.inverseCumulativeProbability(0.75) * smallSample, h);
        }
    }

    /** The standard error a 95 % interval [low, high] of a log quantity implies (normal approximation). */
    public static double stdErrorOf(Interval logInterval) {
        return (logInterval.high() - logInterval.low()) / (2 * Z95);
    }
}
