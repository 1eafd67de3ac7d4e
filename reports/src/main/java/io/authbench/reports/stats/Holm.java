package io.authbench.reports.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction for multiple comparisons (as R's {@code p.adjust(p, "holm")}): sort the m p-values
 * ascending, multiply the i-th smallest (from 1) by (m − i + 1), cap at 1, and make the sequence non-decreasing.
 * Controls the family-wise error rate without assuming independence.
 */
public final class Holm {
    private Holm() {}

    /** Adjusted p-values, in the order of the input. */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }
}
