package io.authbench.harness.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelayLineTest {

    private static final long MS = 1_000_000;

    @Test
    void with_shaping_off_chunks_pass_at_once_and_with_it_on_again_the_profile_applies() {
        Shaping shaping = new Shaping();
        DelayLine line = new DelayLine(50 * MS, new Bandwidth(1_000_000), 0, shaping);
        shaping.set(false);
        assertThat(line.deliveryOfData(10 * MS, 12_500))
                .as("no delay, no serialisation time")
                .isEqualTo(10 * MS);
        assertThat(line.deliveryOfEnd(11 * MS)).isEqualTo(11 * MS);
        shaping.set(true);
        assertThat(line.deliveryOfData(20 * MS, 125))
                .as("1 ms on the line + 50 ms")
                .isEqualTo(71 * MS);
    }

    @Test
    void turning_shaping_off_never_lets_a_chunk_overtake_one_read_before_it() {
        Shaping shaping = new Shaping();
        DelayLine line = new DelayLine(50 * MS, new Bandwidth(1_000_000), 0, shaping);
        long shaped = line.deliveryOfData(0, 12_500); // 100 ms on the line + 50 ms
        shaping.set(false);
        long passedOn = line.deliveryOfData(1 * MS, 10);
        assertThat(shaped).isEqualTo(150 * MS);
        assertThat(passedOn)
                .as("waits for the line and for the earlier chunk's arrival")
                .isEqualTo(150 * MS);
        assertThat(line.deliveryOfEnd(2 * MS)).isGreaterThanOrEqualTo(passedOn);
    }

    @Test
    void unlimited_line_delivers_each_chunk_one_way_delay_after_it_was_read() {
        DelayLine line = new DelayLine(50 * MS, 0, 0);
        assertThat(line.deliveryOfData(10 * MS, 1000)).isEqualTo(60 * MS);
        assertThat(line.deliveryOfData(11 * MS, 64_000)).isEqualTo(61 * MS);
        assertThat(line.deliveryOfEnd(12 * MS)).isEqualTo(62 * MS);
    }

    @Test
    void chunk_occupies_the_line_for_its_serialisation_time_and_later_chunks_queue_behind_it() {
        DelayLine line = new DelayLine(10 * MS, 1_000_000, 0); // 1 Mbit/s: 125 bytes per ms
        assertThat(line.deliveryOfData(0, 12_500))
                .as("100 ms on the line + 10 ms")
                .isEqualTo(110 * MS);
        assertThat(line.deliveryOfData(5 * MS, 1_250))
                .as("waits for the first, 10 ms on the line")
                .isEqualTo(120 * MS);
        assertThat(line.deliveryOfData(500 * MS, 125))
                .as("idle line: starts at once")
                .isEqualTo(511 * MS);
    }

    @Test
    void end_of_stream_queues_behind_data_but_takes_no_bandwidth() {
        DelayLine line = new DelayLine(10 * MS, 1_000_000, 0);
        line.deliveryOfData(0, 12_500);
        assertThat(line.deliveryOfEnd(1 * MS)).isEqualTo(110 * MS);
    }

    @Test
    void nothing_departs_before_the_earliest_departure_that_models_the_handshake() {
        long acceptedAt = 1_000 * MS;
        long rtt = 100 * MS;
        DelayLine up = new DelayLine(rtt / 2, 0, acceptedAt + rtt);
        assertThat(up.deliveryOfData(acceptedAt + 1 * MS, 10)).isEqualTo(acceptedAt + rtt + rtt / 2);
        assertThat(up.deliveryOfData(acceptedAt + 500 * MS, 10)).isEqualTo(acceptedAt + 550 * MS);
    }

    @Test
    void delivery_times_never_go_backwards_so_byte_order_is_kept() {
        DelayLine line = new DelayLine(3 * MS, 2_000_000, 0);
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 1_000; i++) {
            long due = line.deliveryOfData(i * 100_000L, 1 + (i * 37) % 1460);
            assertThat(due).isGreaterThanOrEqualTo(previous);
            previous = due;
        }
    }

    @Test
    void works_across_nano_time_overflow() {
        long nearMax = Long.MAX_VALUE - 5 * MS;
        DelayLine line = new DelayLine(10 * MS, 0, nearMax);
        long due = line.deliveryOfData(nearMax - 1 * MS, 1);
        assertThat(due - nearMax).isEqualTo(10 * MS);
    }

    @Test
    void connections_of_one_link_share_its_bandwidth_first_come_first_served() {
        Bandwidth shared = new Bandwidth(1_000_000); // 125 bytes per ms
        DelayLine first = new DelayLine(10 * MS, shared, 0);
        DelayLine second = new DelayLine(10 * MS, shared, 0);
        assertThat(first.deliveryOfData(0, 12_500)).isEqualTo(110 * MS);
        assertThat(second.deliveryOfData(1 * MS, 12_500))
                .as("queues behind the other connection")
                .isEqualTo(210 * MS);
        assertThat(first.deliveryOfEnd(2 * MS))
                .as("a connection's end waits only for its own data")
                .isEqualTo(110 * MS);
    }

    @Test
    void in_flight_budget_covers_the_rtt_plus_a_quarter_second_queue() {
        assertThat(DelayLine.maxInFlightBytes(0, 100 * MS)).isEqualTo(1 << 20);
        assertThat(DelayLine.maxInFlightBytes(1_600_000, 150 * MS)).isEqualTo(80_000);
        assertThat(DelayLine.maxInFlightBytes(1_000_000, 0))
                .as("never below 64 KiB")
                .isEqualTo(65_536);
        assertThat(DelayLine.maxInFlightBytes(1_000_000_000L, 0))
                .as("never above 1 MiB")
                .isEqualTo(1 << 20);
    }

    @Test
    void chunk_size_is_about_two_milliseconds_of_line_time_within_one_segment_and_64_kib() {
        assertThat(DelayLine.chunkSize(0)).isEqualTo(65_536);
        assertThat(DelayLine.chunkSize(1_600_000)).isEqualTo(1_460);
        assertThat(DelayLine.chunkSize(100_000_000)).isEqualTo(25_000);
        assertThat(DelayLine.chunkSize(10_000_000_000L)).isEqualTo(65_536);
    }
}
