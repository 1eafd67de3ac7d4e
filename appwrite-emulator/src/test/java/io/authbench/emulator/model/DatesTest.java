package io.authbench.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void formats_utc_with_three_fraction_digits_and_an_explicit_offset() {
        assertThat(Dates.format(Instant.parse("2025-11-27T06:48:12.345678Z")))
                .isEqualTo("2025-11-27T06:48:12.345+00:00");
        assertThat(Dates.format(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000+00:00");
        assertThat(Dates.format(Instant.parse("0999-12-31T23:59:59.009Z"))).isEqualTo("0999-12-31T23:59:59.009+00:00");
    }

    @Test
    void an_absent_datetime_is_the_empty_string() {
        assertThat(Dates.format(null)).isEmpty();
    }
}
