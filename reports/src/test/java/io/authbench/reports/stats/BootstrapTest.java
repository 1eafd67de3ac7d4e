package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final double[] LOG_RATIOS = {-0.31, -0.22, -0.40, -0.28, -0.35, -0.19, -0.30, -0.26, -0.33, -0.24};

    @Test
    void the_same_seed_gives_the_same_interval() {
        assertThat(Bootstrap.medianInterval(LOG_RATIOS, 7)).isEqualTo(Bootstrap.medianInterval(LOG_RATIOS, 7));
    }

    @Test
    void the_interval_of_a_median_lies_within_the_data_and_around_the_median() {
        Interval interval = Bootstrap.medianInterval(LOG_RATIOS, 7);

        assertThat(interval.low()).isBetween(-0.40, -0.29); // median is -0.295
        assertThat(interval.high()).isBetween(-0.30, -0.19);
        assertThat(interval.low()).isLessThan(interval.high());
    }

    @Test
    void a_constant_sample_has_a_zero_width_interval() {
        Interval interval = Bootstrap.medianInterval(new double[] {0.1, 0.1, 0.1, 0.1}, 1);

        assertThat(interval.low()).isEqualTo(0.1);
        assertThat(interval.high()).isEqualTo(0.1);
    }

    @Test
    void the_unpaired_ratio_interval_covers_a_known_shift() {
        double[] baseline = {100, 102, 98, 101, 99, 103, 97, 100, 101, 99};
        double[] current = new double[baseline.length];
        for (int i = 0; i < baseline.length; i++) {
            current[i] = baseline[i] * 1.2;
        }

        Interval interval = Bootstrap.logMedianRatioInterval(current, baseline, 3);

        assertThat(interval.contains(Math.log(1.2))).isTrue();
        assertThat(interval.low()).isGreaterThan(0);
    }
}
