package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderStatisticIntervalTest {

    @Test
    void ranks_are_the_textbook_ones() {
        // Conover's table: n = 6 → 1st and 6th, 10 → 2nd and 9th, 20 → 6th and 15th, 100 → 40th and 61st
        assertThat(OrderStatisticInterval.rank(6)).isEqualTo(1);
        assertThat(OrderStatisticInterval.rank(10)).isEqualTo(2);
        assertThat(OrderStatisticInterval.rank(20)).isEqualTo(6);
        assertThat(OrderStatisticInterval.rank(100)).isEqualTo(40);
        assertThat(OrderStatisticInterval.coverage(10)).isCloseTo(1 - 2 * 11 / 1024.0, within(1e-12));
    }

    @Test
    void from_six_values_on_the_coverage_is_at_least_95_percent_and_below_that_it_is_the_range() {
        for (int n = 6; n <= 2_000; n++) {
            double coverage = OrderStatisticInterval.coverage(n);
            assertThat(coverage).as("n = %d", n).isGreaterThanOrEqualTo(0.95);
            if (n >= 30) {
                // and it is the narrowest such interval: one rank further in would fall below 95 %
                assertThat(coverage).as("n = %d", n).isLessThan(0.99);
            }
        }
        for (int n = 1; n < 6; n++) {
            assertThat(OrderStatisticInterval.rank(n)).isEqualTo(1);
            assertThat(OrderStatisticInterval.coverage(n)).isCloseTo(1 - Math.pow(2, 1 - n), within(1e-12));
        }
        assertThat(OrderStatisticInterval.median(new double[] {3, 1, 2})).isEqualTo(new Interval(1, 3));
        assertThat(OrderStatisticInterval.median(new double[] {4})).isEqualTo(new Interval(4, 4));
    }

    @Test
    void picks_the_order_statistics_of_unsorted_values_and_leaves_them_unsorted() {
        double[] values = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
        assertThat(OrderStatisticInterval.median(values)).isEqualTo(new Interval(2, 9));
        assertThat(values[0]).isEqualTo(10);
    }

    @Test
    void covers_the_median_of_a_skewed_distribution_in_at_least_95_percent_of_samples_of_ten() {
        SplittableRandom random = new SplittableRandom(20261203);
        int covered = 0;
        int samples = 20_000;
        double median = Math.log(2); // exponential(1)
        for (int s = 0; s < samples; s++) {
            double[] values = new double[10];
            for (int i = 0; i < values.length; i++) {
                values[i] = -Math.log(1 - random.nextDouble());
            }
            covered += OrderStatisticInterval.median(values).contains(median) ? 1 : 0;
        }
        // exact coverage 97.85 %; 20,000 draws put 97 % more than eight standard errors below it
        assertThat(covered / (double) samples).isGreaterThan(0.97);
    }

    @Test
    void refuses_no_values() {
        assertThatThrownBy(() -> OrderStatisticInterval.median(new double[0])).hasMessageContaining("no values");
    }
}
