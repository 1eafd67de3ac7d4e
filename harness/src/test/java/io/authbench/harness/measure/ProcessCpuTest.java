package io.authbench.harness.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {
    @Test
    void parses_utime_and_stime_even_when_the_command_name_has_spaces() {
        String stat = "1234 (java main (x)) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 37 0 0 20 0 30 0 12345 0 0";
        assertThat(ProcessCpu.parseStat(stat)).isEqualTo((250 + 37) * 10);
    }

    @Test
    void reads_this_jvms_own_cpu_time_and_it_never_goes_down() {
        OptionalLong first = ProcessCpu.millis(ProcessHandle.current().pid());
        assertThat(first).isPresent();
        long sink = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sink += Integer.toBinaryString(i).length();
        }
        assertThat(sink).isPositive();
        assertThat(ProcessCpu.millis(ProcessHandle.current().pid()).getAsLong()).isGreaterThanOrEqualTo(first.getAsLong());
    }

    @Test
    void a_process_that_does_not_exist_has_no_cpu_time() {
        assertThat(ProcessCpu.millis(Integer.MAX_VALUE - 1)).isEmpty();
    }
}
