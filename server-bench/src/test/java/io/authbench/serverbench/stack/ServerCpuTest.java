package io.authbench.serverbench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerCpuTest {
    @Test
    void compiler_threads_are_counted_apart_from_the_rest_of_the_process() {
        ServerCpu.Sample before = new ServerCpu.Sample(1_000, Map.of("11", 100L, "12", 50L));
        ServerCpu.Sample after = new ServerCpu.Sample(1_900, Map.of("11", 400L, "12", 50L, "13", 200L));

        ServerCpu.Usage used = ServerCpu.between(before, after);

        assertThat(used.totalNanos()).isEqualTo(900);
        assertThat(used.compilerNanos()).as("300 from thread 11, 200 from the new thread 13").isEqualTo(500);
        assertThat(used.requestNanos()).isEqualTo(400);
    }

    @Test
    void a_compiler_thread_that_exited_leaves_its_time_in_the_total_and_nothing_goes_negative() {
        ServerCpu.Usage used = ServerCpu.between(new ServerCpu.Sample(1_000, Map.of("11", 500L)),
                new ServerCpu.Sample(1_100, Map.of()));

        assertThat(used.compilerNanos()).isZero();
        assertThat(used.requestNanos()).isEqualTo(100);
    }

    @Test
    void a_server_whose_work_runs_in_a_child_process_is_charged_for_it() throws Exception {
        // An idle parent (sh waiting) and a busy child, as `next start` may run its server: the parent's own CPU
        // stays near zero, so only counting the process tree shows the work.
        Process parent = new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done' & wait").start();
        try {
            ServerCpu cpu = ServerCpu.of(parent.pid());
            ServerCpu.Sample before = cpu.sample();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            long used = 0;
            while (used < 200_000_000L && System.nanoTime() < deadline) {
                Thread.sleep(100);
                used = cpu.since(before).totalNanos();
            }
            assertThat(used).as("the busy child's CPU, counted for its parent").isGreaterThanOrEqualTo(200_000_000L);
            assertThat(cpu.since(before).compilerNanos()).as("a shell has no JIT threads").isZero();
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
            parent.waitFor();
        }
    }

    @Test
    void a_live_jvm_has_readable_compiler_threads() {
        ServerCpu self = ServerCpu.of(ProcessHandle.current().pid());

        assertThat(self.sample().compilerThreadNanos()).as("HotSpot keeps at least one C1 and one C2 thread").isNotEmpty();
        assertThat(ServerCpu.isCompilerThread("C2 CompilerThre")).isTrue();
        assertThat(ServerCpu.isCompilerThread("XNIO-1 I/O-1")).isFalse();
        assertThat(ServerCpu.threadName("123 (C1 CompilerThre) S 1 2 3")).isEqualTo("C1 CompilerThre");
    }
}
