package io.authbench.support.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CpuSnapshotTest {
    private static final long MS = 1_000_000L;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws Exception {
        for (Process child : children) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            child.waitFor();
        }
    }

    @Test
    void the_run_time_is_the_first_number_of_a_schedstat_line() {
        // Captured from /proc/<pid>/task/<tid>/schedstat on Linux 6.18: run ns, wait ns, time slices.
        assertThat(CpuSnapshot.parseRunNanos("371237472 1231666019 244\n")).isEqualTo(371_237_472L);
        assertThat(CpuSnapshot.parseRunNanos("0 0 0\n")).isZero();
        assertThatThrownBy(() -> CpuSnapshot.parseRunNanos("12345 678")).hasMessageContaining("three numbers");
    }

    @Test
    void the_stat_line_of_a_process_gives_its_ticks_including_exited_threads() {
        // Captured from /proc/<pid>/stat of a bash (fields 14 and 15: utime 7, stime 29).
        String stat = "11350 (bash) S 11347 11350 11350 0 -1 4194560 4419 51718 0 2 7 29 176 257 20 0 1 0 1050404"
                + " 5124096 990 18446744073709551615 94514745151488 94514745940893 140737438776112 0 0 0 65536 4";
        assertThat(ProcessCpu.parseStatTicks(stat)).isEqualTo(36);
    }

    @Test
    void hotspot_compiler_threads_are_recognised_by_their_cut_names() {
        assertThat(CpuSnapshot.isCompilerThread("C1 CompilerThre")).isTrue();
        assertThat(CpuSnapshot.isCompilerThread("C2 CompilerThre")).isTrue();
        assertThat(CpuSnapshot.isCompilerThread("XNIO-1 I/O-1")).isFalse();
        assertThat(CpuSnapshot.isCompilerThread("V8 DefaultWorke")).isFalse();
    }

    @Test
    void use_between_two_readings_counts_live_threads_new_threads_and_compiler_threads_apart() {
        CpuSnapshot before = snapshot(
                Map.of(
                        11L, thread(100, 1_000_000, false),
                        12L, thread(100, 50 * MS, true)),
                Map.of(100L, 10L));
        CpuSnapshot after = snapshot(
                Map.of(
                        11L, thread(100, 1_250_000, false), // +0.25 ms
                        12L, thread(100, 53 * MS, true), // +3 ms compiling
                        13L, thread(100, 400_000, false)), // started during the phase: +0.4 ms
                Map.of(100L, 10L));

        CpuUsage used = CpuSnapshot.between(before, after, 100);

        assertThat(used.totalNanos()).isEqualTo(250_000 + 3 * MS + 400_000);
        assertThat(used.compilerNanos()).isEqualTo(3 * MS);
        assertThat(used.workNanos()).as("sub-millisecond, compilation apart").isEqualTo(650_000);
        assertThat(used.exitedThreads()).isZero();
    }

    @Test
    void a_thread_that_exited_is_covered_by_the_process_ticks_as_a_floor() {
        // Thread 12 ran ~50 ms after the first reading and exited: the live threads show 1 ms, /proc/<pid>/stat 6
        // ticks.
        CpuSnapshot before =
                snapshot(Map.of(11L, thread(100, 0, false), 12L, thread(100, 5 * MS, false)), Map.of(100L, 10L));
        CpuSnapshot after = snapshot(Map.of(11L, thread(100, 1 * MS, false)), Map.of(100L, 16L));

        CpuUsage used = CpuSnapshot.between(before, after, 100);

        assertThat(used.exitedThreads()).isEqualTo(1);
        assertThat(used.totalNanos())
                .as("(16 - 10 - 2) ticks of 10 ms: never above the truth")
                .isEqualTo(40 * MS);
    }

    @Test
    void without_exited_threads_the_coarse_ticks_never_override_the_exact_sum() {
        CpuSnapshot before = snapshot(Map.of(11L, thread(100, 0, false)), Map.of(100L, 10L));
        CpuSnapshot after = snapshot(Map.of(11L, thread(100, 900_000, false)), Map.of(100L, 14L));

        assertThat(CpuSnapshot.between(before, after, 100).totalNanos()).isEqualTo(900_000);
    }

    @Test
    void a_reused_thread_id_in_another_process_counts_from_zero_and_children_add_up() {
        CpuSnapshot before = snapshot(
                Map.of(11L, thread(100, 7 * MS, false), 21L, thread(200, 2 * MS, false)), Map.of(100L, 1L, 200L, 1L));
        CpuSnapshot after = snapshot(
                Map.of(11L, thread(300, 300_000, false), 21L, thread(200, 2 * MS + 5, false)),
                Map.of(100L, 1L, 200L, 1L, 300L, 0L));

        CpuUsage used = CpuSnapshot.between(before, after, 100);

        assertThat(used.totalNanos()).isEqualTo(300_000 + 5);
        assertThat(used.exitedThreads()).as("tid 11 of pid 100 is gone").isEqualTo(1);
    }

    @Test
    void a_busy_grandchild_is_read_through_the_tree_with_sub_millisecond_resolution() throws Exception {
        // sh -c 'sh -c "busy loop"; :' keeps an idle parent shell whose child spins (the ':' stops the exec).
        Process shell = new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done'; :").start();
        children.add(shell);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (shell.descendants().findAny().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        CpuSnapshot first = CpuSnapshot.of(shell.pid()).orElseThrow();
        assertThat(first.threads()).as("the shell and its busy child").isGreaterThanOrEqualTo(2);

        List<Long> totals = new ArrayList<>();
        CpuSnapshot previous = first;
        long used = 0;
        for (int i = 0; i < 20; i++) {
            Thread.sleep(5);
            CpuSnapshot next = CpuSnapshot.of(shell.pid()).orElseThrow();
            used += next.usageSince(previous).totalNanos();
            totals.add(next.liveThreadNanos());
            previous = next;
        }

        assertThat(totals).as("a busy tree's run time only grows").isSorted();
        assertThat(totals.get(totals.size() - 1)).isGreaterThan(first.liveThreadNanos());
        assertThat(used).isEqualTo(previous.usageSince(first).totalNanos());
        // Clock ticks would make every total a multiple of 10 ms; nanosecond run times almost never are.
        assertThat(totals).as("nanosecond resolution").anyMatch(nanos -> nanos % MS != 0);
    }

    @Test
    void this_jvm_has_compiler_threads_and_a_thread_that_exits_is_reported() throws Exception {
        long self = ProcessHandle.current().pid();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread spinner = new Thread(
                () -> {
                    started.countDown();
                    long sink = 0;
                    while (!stop.get()) {
                        sink += System.nanoTime() % 7;
                    }
                    if (sink == 42) {
                        System.out.println(sink);
                    }
                },
                "cpu-snapshot-test-spinner");
        spinner.start();
        started.await();
        CpuSnapshot before = CpuSnapshot.of(self).orElseThrow();
        stop.set(true);
        spinner.join();
        // Thread.join returns when the Java thread is done; the kernel may list its task in /proc a moment longer.
        // Read until it is gone (bounded), so the assertion is about the accounting, not about that race.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        CpuSnapshot after = CpuSnapshot.of(self).orElseThrow();
        while (after.usageSince(before).exitedThreads() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            after = CpuSnapshot.of(self).orElseThrow();
        }

        assertThat(before.compilerThreads())
                .as("HotSpot keeps at least one C1 and one C2 thread")
                .isPositive();
        assertThat(after.usageSince(before).exitedThreads()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_process_that_is_gone_has_no_reading() throws Exception {
        Process quick = new ProcessBuilder("true").start();
        quick.waitFor();
        assertThat(CpuSnapshot.of(quick.pid())).isEmpty();
        assertThat(CpuSnapshot.of(0)).isEmpty();
    }

    private static CpuSnapshot.ThreadTime thread(long pid, long nanos, boolean compiler) {
        return new CpuSnapshot.ThreadTime(pid, nanos, compiler);
    }

    private static CpuSnapshot snapshot(Map<Long, CpuSnapshot.ThreadTime> threads, Map<Long, Long> ticks) {
        return new CpuSnapshot(100, threads, ticks);
    }
}
