package io.authbench.support.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {
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
    void a_busy_child_accumulates_cpu_time_and_an_idle_one_about_none() throws Exception {
        Process busy = start("busy");
        Process idle = start("idle");
        ProcessCpu busyCpu = ProcessCpu.of(busy.pid());
        ProcessCpu idleCpu = ProcessCpu.of(idle.pid());
        Duration busyBefore = busyCpu.total();
        Duration idleBefore = idleCpu.total();

        // Wait for CPU, not for wall time: on a shared machine the busy child may get only part of a core.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (busyCpu.total().minus(busyBefore).compareTo(Duration.ofMillis(500)) < 0
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Duration busyUsed = busyCpu.total().minus(busyBefore);
        Duration idleUsed = idleCpu.total().minus(idleBefore);

        assertThat(busyUsed).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(idleUsed).isLessThan(Duration.ofMillis(100));
        assertThat(busyCpu.isAlive()).isTrue();
    }

    @Test
    void after_the_process_exits_the_last_sample_is_kept() throws Exception {
        Process busy = start("busy");
        ProcessCpu cpu = ProcessCpu.of(busy.pid());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (cpu.total().compareTo(Duration.ofMillis(200)) < 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Duration lastAlive = cpu.total();
        busy.destroyForcibly().waitFor();

        assertThat(cpu.total()).isGreaterThanOrEqualTo(lastAlive).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(cpu.isAlive()).isFalse();
        assertThat(ProcessCpu.nanosOf(busy.pid())).isEmpty();
    }

    @Test
    void descendants_are_counted_when_asked() throws Exception {
        // sh -c 'java ... busy; :' keeps the shell as the parent of a busy JVM (the trailing ':' stops exec).
        String command = String.join(" ", javaCommand("busy")) + "; :";
        Process shell = new ProcessBuilder("sh", "-c", command).start();
        children.add(shell);
        awaitReady(shell);
        ProcessCpu own = ProcessCpu.of(shell.pid());
        ProcessCpu tree = ProcessCpu.withDescendants(shell.pid());
        Duration treeBefore = tree.total();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (tree.total().minus(treeBefore).compareTo(Duration.ofMillis(300)) < 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(tree.total().minus(treeBefore)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(own.total()).isLessThan(Duration.ofMillis(100));
    }

    @Test
    void the_stat_line_is_parsed_after_a_command_name_with_spaces_and_parentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 31 0 0 20 0 20 0 777 0 0";

        assertThat(ProcessCpu.parseStatTicks(stat)).isEqualTo(281);
        assertThat(ProcessCpu.ticksPerSecond()).isPositive();
    }

    @Test
    void a_nonsense_pid_is_refused_with_its_value() {
        assertThatThrownBy(() -> ProcessCpu.of(0)).hasMessage("pid must be positive, was 0.");
    }

    private Process start(String mode) throws Exception {
        Process child = new ProcessBuilder(javaCommand(mode)).start();
        children.add(child);
        awaitReady(child);
        return child;
    }

    private static List<String> javaCommand(String mode) {
        return List.of(
                JavaExecutable.current().toString(),
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                TestClasspath.current(),
                CpuLoad.class.getName(),
                mode);
    }

    private static void awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
    }
}
