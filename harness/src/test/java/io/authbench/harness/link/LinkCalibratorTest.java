package io.authbench.harness.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.profile.LinkSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkCalibratorTest {

    @Test
    void measures_a_delayed_and_throttled_link_close_to_its_configuration() {
        LinkSpec spec = LinkSpec.of(40, 2_000_000, 1_000_000);

        LinkCalibration calibration = new LinkCalibrator(7, Duration.ofMillis(300)).calibrate("test", spec);

        assertThat(calibration.name()).isEqualTo("test");
        assertThat(calibration.configured()).isEqualTo(spec);
        assertThat(calibration.measuredRttMs())
                .as("never below the model")
                .isGreaterThanOrEqualTo(40.0)
                .as("sanity")
                .isLessThan(240.0);
        assertThat(calibration.measuredDownBitsPerSecond()).as("sanity").isBetween(1_000_000L, 3_000_000L);
        assertThat(calibration.measuredUpBitsPerSecond()).as("sanity").isBetween(500_000L, 1_500_000L);
        assertThat(calibration.describe()).startsWith("test: RTT ").contains("configured 40.0 ms");
    }

    @Test
    void measures_a_transparent_link_as_fast_and_unlimited() {
        LinkCalibration calibration =
                new LinkCalibrator(5, Duration.ofMillis(100)).calibrate("loop", LinkSpec.TRANSPARENT);

        assertThat(calibration.measuredRttMs()).isPositive().as("sanity").isLessThan(100.0);
        assertThat(calibration.measuredDownBitsPerSecond())
                .as("sanity: faster than any profile")
                .isGreaterThan(50_000_000L);
        assertThat(calibration.measuredUpBitsPerSecond()).isGreaterThan(50_000_000L);
    }

    @Test
    void transfers_are_sized_for_the_configured_rate() {
        LinkCalibrator calibrator = new LinkCalibrator(5, Duration.ofMillis(500));
        assertThat(calibrator.transferBytes(1_600_000)).isEqualTo(100_000);
        assertThat(calibrator.transferBytes(10_000)).isEqualTo(LinkCalibrator.MIN_TRANSFER_BYTES);
        assertThat(calibrator.transferBytes(0)).isEqualTo(LinkCalibrator.UNLIMITED_TRANSFER_BYTES);
    }
}
