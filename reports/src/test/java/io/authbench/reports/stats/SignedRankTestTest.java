package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

/** Reference values from R's wilcox.test / SciPy's wilcoxon (zero_method="wilcox", correction=True). */
class SignedRankTestTest {

    @Test
    void the_r_documentation_example_gives_the_exact_p_of_r() {
        // R: x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
        //    y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
        //    wilcox.test(x, y, paired = TRUE) -> V = 40, p-value = 0.03906
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - y[i];
        }

        SignedRankTest.Result result = SignedRankTest.test(d);

        assertThat(result.v()).isEqualTo(40);
        assertThat(result.method()).isEqualTo(SignedRankTest.Method.EXACT);
        assertThat(result.pValue()).isCloseTo(0.0390625, within(1e-12));
    }

    @Test
    void twenty_differences_without_ties_match_scipy_exact() {
        double[] d = {
            0.3541, 0.5728, -0.6822, -0.8074, 0.4996, -0.1667, 0.5355, 1.0595, -1.3488, 0.5544, 1.5246, 0.0025, -0.5108,
            1.0522, 0.5534, 1.1959, -0.0452, -1.1818, 0.19, -0.1458
        };

        SignedRankTest.Result result = SignedRankTest.test(d);

        assertThat(result.v()).isEqualTo(130);
        assertThat(result.pValue()).isCloseTo(0.36827659606933594, within(1e-12));
    }

    @Test
    void the_exact_p_agrees_with_commons_math_where_commons_math_is_exact() {
        double[] d = {
            0.3541, 0.5728, -0.6822, -0.8074, 0.4996, -0.1667, 0.5355, 1.0595, -1.3488, 0.5544, 1.5246, 0.0025, -0.5108,
            1.0522, 0.5534
        };
        double[] zeros = new double[d.length];

        double commonsMath = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(d, zeros, true);

        assertThat(SignedRankTest.test(d).pValue()).isCloseTo(commonsMath, within(1e-12));
    }

    @Test
    void zeros_are_dropped_and_ties_switch_to_the_corrected_normal_approximation() {
        double[] d = {1.5, -0.5, 2.0, 2.0, 0, 3.1, -1.0, 2.5, 0.7, 1.2, -0.3, 4.0};

        SignedRankTest.Result result = SignedRankTest.test(d);

        assertThat(result.n()).isEqualTo(11);
        assertThat(result.zeros()).isEqualTo(1);
        assertThat(result.v()).isEqualTo(59);
        assertThat(result.method()).isEqualTo(SignedRankTest.Method.NORMAL_APPROXIMATION);
        assertThat(result.pValue()).isCloseTo(0.02330803208135989, within(1e-12));
    }

    @Test
    void sixty_differences_use_the_normal_approximation_like_scipy() {
        double[] d = {
            0.5456, 1.0216, 0.5304, -1.1032, 1.1054, 0.6464, -0.337, 0.7811, 0.5646, 0.4941, 0.2284, 0.7467, -0.5365,
            0.0371, -0.2821, 0.7988, 0.2397, -0.0925, -0.5819, -0.0572, 0.2081, -0.0756, 1.4941, 1.2067, -2.5112,
            -1.689, 0.0252, -0.2222, 0.4136, 0.4173, 2.3178, -0.912, -0.1776, 2.2428, 0.8467, 0.8631, -0.314, -1.4481,
            0.3675, 0.309, -1.0274, -0.4832, 0.128, -0.7448, 0.1017, 0.2955, 0.2356, -0.3063, 0.7937, 1.0912, 0.5208,
            -0.6182, 0.9317, -0.3014, 1.0792, -0.8718, 1.1145, 0.1799, -1.0487, -0.1139
        };

        SignedRankTest.Result result = SignedRankTest.test(d);

        assertThat(result.v()).isEqualTo(1130);
        assertThat(result.method()).isEqualTo(SignedRankTest.Method.NORMAL_APPROXIMATION);
        assertThat(result.pValue()).isCloseTo(0.11432141382261271, within(1e-12));
    }

    @Test
    void all_zero_differences_give_p_one_without_dividing_by_zero() {
        SignedRankTest.Result result = SignedRankTest.test(new double[] {0, 0, 0});

        assertThat(result.pValue()).isEqualTo(1.0);
        assertThat(result.method()).isEqualTo(SignedRankTest.Method.NONE);
    }

    @Test
    void six_pairs_all_one_way_reach_the_smallest_possible_p() {
        assertThat(SignedRankTest.test(new double[] {1, 2, 3, 4, 5, 6}).pValue())
                .isCloseTo(2.0 / 64, within(1e-15));
        assertThat(SignedRankTest.test(new double[] {1, 2, 3, 4, 5}).pValue()).isCloseTo(2.0 / 32, within(1e-15));
    }
}
