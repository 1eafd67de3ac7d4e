package io.authbench.reports.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Against R: {@code binom.test(x, n)$conf.int}. */
class ClopperPearsonTest {
    @Test
    void matches_r_binom_test() {
        assertInterval(1, 20, 0.001265089, 0.248732762);
        assertInterval(0, 20, 0, 0.1684335);
        assertInterval(20, 20, 0.8315665, 1);
        assertInterval(5, 10, 0.1870860, 0.8129140);
        assertInterval(1, 3, 0.008403759, 0.905700676);
    }

    @Test
    void refuses_counts_that_are_not_binomial() {
        assertThatThrownBy(() -> ClopperPearson.interval(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClopperPearson.interval(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertInterval(int x, int n, double low, double high) {
        double[] interval = ClopperPearson.interval(x, n);
        assertThat(interval[0]).as("low of %d/%d", x, n).isCloseTo(low, within(1e-6));
        assertThat(interval[1]).as("high of %d/%d", x, n).isCloseTo(high, within(1e-6));
    }
}
