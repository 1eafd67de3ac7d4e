package io.authbench.reports.stats;

import io.authbench.reports.results.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Tests a family of run-to-run changes (one log change per cell, each with its own sampling error) while allowing
 * for the noise between runs that no single run can see.
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
    /** The standard deviation of a normal sample cut at ±{@value #CUT} σ, in σ: undone so the estimate is σ. */
    private static final double TRUNCATED_SD =
            Math.sqrt(1 - 2 * CUT * NORMAL.density(CUT) / (2 * NORMAL.cumulativeProbability(CUT) - 1));

    private ChangeFamily() {}

    /**
     * One observed change.
     *
     * @param logChange ln(now / then)
     * @param stdError  its sampling standard error (from each run's own samples)
     */
    public record Input(double logChange, double stdError) {}

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
     * @param judged     per input, in input order; empty when there are fewer than {@value #MIN_CELLS} cells
     */
    public record Result(int cells, double common, double spread, double drift, List<Judged> judged) {
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
            return new Result(k, 1, Double.NaN, Double.NaN, List.of());
        }
        double[] d = inputs.stream().mapToDouble(Input::logChange).toArray();
        // A robust first look (the shortest half), then the cells within CUT of its standard deviations give the
        // centre (their mean) and the spread (their standard deviation): Rousseeuw and Leroy's reweighting step,
        // which keeps the shorth's resistance to changed cells and gains a normal standard deviation's precision.
        Shorth first = Shorth.of(d);
        double[] core = Arrays.stream(d)
                .filter(x -> Math.abs(x - first.median()) <= CUT * first.sigma())
                .toArray();
        if (first.sigma() == 0 || core.length < MIN_CELLS) {
            core = d;
        }
        double mean = Arrays.stream(core).average().orElse(0);
        double sigma =
                Math.sqrt(Arrays.stream(core).map(x -> (x - mean) * (x - mean)).sum() / (core.length - 1))
                        / TRUNCATED_SD;
        double g = centred ? mean : 0;
        double typicalSampling = Quantiles.median(
                inputs.stream().mapToDouble(i -> i.stdError() * i.stdError()).toArray());
        double tau2 = Math.max(0, sigma * sigma - typicalSampling);
        double centreVariance = centred ? sigma * sigma / core.length : 0;
        double[] p = new double[k];
        double[] se = new double[k];
        for (int i = 0; i < k; i++) {
            double s = inputs.get(i).stdError();
            se[i] = Math.sqrt(s * s + tau2 + centreVariance);
            double z = se[i] == 0 ? (d[i] == g ? 0 : Double.POSITIVE_INFINITY) : (d[i] - g) / se[i];
            p[i] = 2 * NORMAL.cumulativeProbability(-Math.abs(z));
        }
        double[] holm = Holm.adjust(p);
        List<Judged> judged = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double e = d[i] - g;
            judged.add(new Judged(
                    Math.exp(e),
                    new Interval(Math.exp(e - Z95 * se[i]), Math.exp(e + Z95 * se[i])),
                    holm[i],
                    holm[i] < ALPHA));
        }
        return new Result(k, Math.exp(g), Math.exp(sigma) - 1, Math.exp(Math.sqrt(tau2)) - 1, List.copyOf(judged));
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
