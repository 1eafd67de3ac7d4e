package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {
    @Test
    void adjusts_like_r_p_adjust_holm_and_keeps_input_order() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") -> 0.03 0.06 0.06 0.02
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});

        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-15));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[3]).isCloseTo(0.02, within(1e-15));
    }

    @Test
    void adjusted_p_values_are_capped_at_one() {
        assertThat(Holm.adjust(new double[] {0.5, 0.9, 0.4})).containsExactly(1.0, 1.0, 1.0);
    }

    @Test
    void a_single_test_is_left_unchanged() {
        assertThat(Holm.adjust(new double[] {0.0123})).containsExactly(0.0123);
    }
}
