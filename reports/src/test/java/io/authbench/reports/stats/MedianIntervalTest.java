package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one choice of a median's interval that the report's sections share ({@link MedianInterval}). */
class MedianIntervalTest {
    private static final double[] VALUES = {0.31, 0.22, 0.40, 0.28, 0.35, 0.19, 0.30, 0.26, 0.33, 0.24, 0.29, 0.27};

    @Test
    void one_block_or_unknown_blocks_give_the_order_statistic_interval_and_no_block_p() {
        int[] one = new int[VALUES.length];
        int[] unknown = new int[VALUES.length];
        java.util.Arrays.fill(unknown, -1);

        for (int[] blocks : new int[][] {one, unknown}) {
            Bootstrap.BlockResult result = MedianInterval.of(VALUES, blocks, 7);
            assertThat(result.interval()).isEqualTo(OrderStatisticInterval.median(VALUES));
            assertThat(result.blocks()).isEqualTo(1);
            assertThat(result.twoSidedP()).isNaN();
        }
        // 12 values: the 3rd and the 10th (P(B <= 2) = 1.9 % for B ~ Binomial(12, 1/2)).
        assertThat(MedianInterval.of(VALUES, one, 7).interval()).isEqualTo(new Interval(0.24, 0.33));
    }

    @Test
    void several_blocks_give_the_block_bootstrap_with_its_p_value() {
        int[] three = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};

        Bootstrap.BlockResult result = MedianInterval.of(VALUES, three, 7);

        assertThat(result).isEqualTo(Bootstrap.blockMedian(VALUES, three, 7));
        assertThat(result.blocks()).isEqualTo(3);
        assertThat(result.twoSidedP()).isLessThan(0.01);
    }

    @Test
    void no_values_is_refused() {
        assertThatThrownBy(() -> MedianInterval.of(new double[0], new int[0], 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no values");
    }
}
