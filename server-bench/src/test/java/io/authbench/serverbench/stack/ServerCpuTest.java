package io.authbench.serverbench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerCpuTest {
    @Test
    void a_server_whose_work_runs_in_a_child_process_is_charged_for_it() throws Exception {
        // An idle parent (sh waiting) and a busy child, as `next start` may run its server: the parent's own CPU
        // stays near zero, so only counting the process tree shows the work.
        Process parent = new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done' & wait").start();
        try {
            ServerCpu cpu = ServerCpu.of(parent.pid());
            ServerCpu.Sample before = cpu.sample();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long used = 0;
            while (used < 200_000_000L && System.nanoTime() < deadline) {
                Thread.sleep(100);
                used = cpu.since(before).totalNanos();
            }
            assertThat(used).as("the busy child's CPU, counted for its parent").isGreaterThanOrEqualTo(200_000_000L);
            assertThat(cpu.since(before).compilerNanos())
                    .as("a shell has no JIT threads")
                    .isZero();
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
            parent.waitFor();
        }
    }

    @Test
    void a_live_jvm_is_read_per_thread_with_its_compiler_threads_apart() {
        ServerCpu self = ServerCpu.of(ProcessHandle.current().pid());
        ServerCpu.Sample before = self.sample();
        long sink = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sink += i ^ (sink >>> 3);
        }
        ServerCpu.Usage used = self.since(before);

        assertThat(before.threads())
                .as("per-thread schedstat on Linux, as in the browser phase")
                .isPresent();
        assertThat(used.totalNanos() + (sink == 42 ? 1 : 0)).isPositive();
        assertThat(used.compilerNanos()).isBetween(0L, used.totalNanos());
        assertThat(used.requestNanos()).isEqualTo(used.totalNanos() - used.compilerNanos());
        assertThat(ServerCpu.isCompilerThread("C2 CompilerThre")).isTrue();
        assertThat(ServerCpu.isCompilerThread("XNIO-1 I/O-1")).isFalse();
    }

    @Test
    void without_a_per_thread_reading_the_process_total_counts_as_requests() {
        ServerCpu.Usage used = ServerCpu.between(
                new ServerCpu.Sample(Optional.empty(), 1_000), new ServerCpu.Sample(Optional.empty(), 31_000));

        assertThat(used.totalNanos()).isEqualTo(30_000);
        assertThat(used.compilerNanos()).isZero();
        assertThat(used.requestNanos()).isEqualTo(30_000);
    }
}
