package io.authbench.support.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code --cpu-sets}: the accepted forms and every refusal (with what to write instead), and, with the real
 * {@code taskset}, that this JVM and a thread it starts later run on the measuring set, a server started through
 * {@link CpuSets#forServer} on the other, and that closing the handle gives the JVM its CPUs back.
 */
class CpuSetsTest {
    private static final List<Integer> FOUR = List.of(0, 1, 2, 3);

    @Test
    void off_and_auto_and_explicit_lists() {
        assertThat(CpuSets.parse("off", FOUR).on()).isFalse();
        assertThat(CpuSets.parse("off", FOUR).option()).isEqualTo("off");
        assertThat(CpuSets.parse("off", FOUR).forServer(spec()).command()).isEqualTo(spec().command());

        CpuSets auto = CpuSets.parse("auto", List.of(0, 1));
        assertThat(auto.measuring()).containsExactly(0);
        assertThat(auto.servers()).containsExactly(1);
        assertThat(CpuSets.parse(" auto ", FOUR).option()).isEqualTo("0,1/2,3");

        CpuSets lists = CpuSets.parse("0-1/2,3", FOUR);
        assertThat(lists.measuring()).containsExactly(0, 1);
        assertThat(lists.servers()).containsExactly(2, 3);
        assertThat(lists.describe()).contains("browser on CPU 0,1").contains("Appwrite on CPU 2,3");
        assertThat(CpuSets.parse("3/0", FOUR).option()).isEqualTo("3/0");
    }

    @Test
    void a_server_is_started_through_taskset_on_the_server_set() {
        ServerSpec pinned = CpuSets.parse("0/1-2", FOUR).forServer(spec());
        assertThat(pinned.command()).containsExactly("taskset", "-c", "1,2", "java", "-jar", "app.jar");
        assertThat(pinned.name()).isEqualTo("app");
        assertThat(pinned.environment()).isEqualTo(Map.of("KEY", "v"));
        assertThat(pinned.startTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void refusals_name_the_problem_and_the_accepted_forms() {
        assertThatThrownBy(() -> CpuSets.parse("0/0", FOUR))
                .hasMessageContaining("CPU 0 to both sides")
                .hasMessageContaining("disjoint");
        assertThatThrownBy(() -> CpuSets.parse("0/7", FOUR))
                .hasMessageContaining("CPU 7")
                .hasMessageContaining("may use 0,1,2,3");
        assertThatThrownBy(() -> CpuSets.parse("auto", List.of(0)))
                .hasMessageContaining("at least two CPUs")
                .hasMessageContaining("--cpu-sets=off");
        for (String bad : List.of("on", "0", "0/1/2", "/1", "0/", "a/b", "2-1/0", "0;1/2", "")) {
            assertThatThrownBy(() -> CpuSets.parse(bad, FOUR))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--cpu-sets=")
                    .hasMessageContaining("0/1");
        }
    }

    @Test
    void this_jvm_runs_on_the_measuring_set_until_the_handle_is_closed_and_servers_on_theirs() throws Exception {
        List<Integer> allowed = CpuSets.allowedCpus();
        assumeTrue(allowed.size() >= 2, "needs two CPUs this process may use; it may use " + allowed);
        CpuSets sets = CpuSets.parse("auto", allowed);

        try (CpuSets.Pinned pinned = sets.pinThisProcess()) {
            assertThat(CpuSets.allowedCpus()).isEqualTo(sets.measuring());
            // A thread started after pinning inherits the mask (the browser's driver is started the same way).
            // A child process inherits the mask of the thread that starts it, so a child of the new thread shows it.
            AtomicReference<List<Integer>> threadCpus = new AtomicReference<>();
            Thread t =
                    new Thread(() -> threadCpus.set(cpusOf(List.of("grep", "Cpus_allowed_list", "/proc/self/status"))));
            t.start();
            t.join();
            assertThat(threadCpus.get()).isEqualTo(sets.measuring());

            // A server started through forServer runs on the server set only.
            List<Integer> server = cpusOf(
                    sets.forServer(ServerSpec.of("probe", List.of("grep", "Cpus_allowed_list", "/proc/self/status")))
                            .command());
            assertThat(server).isEqualTo(sets.servers());

            pinned.close();
            assertThat(CpuSets.allowedCpus()).isEqualTo(allowed);
            pinned.close(); // twice: nothing happens
        }
        assertThat(CpuSets.allowedCpus()).isEqualTo(allowed);
    }

    /** The CPUs a command's {@code Cpus_allowed_list} line names. */
    private static List<Integer> cpusOf(List<String> command) {
        try {
            String line = output(command);
            assertThat(line).startsWith("Cpus_allowed_list:");
            return CpuSets.expand(line.substring(line.indexOf(':') + 1).strip());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static ServerSpec spec() {
        return new ServerSpec(
                "app", List.of("java", "-jar", "app.jar"), Map.of("KEY", "v"), Path.of("."), Duration.ofSeconds(7));
    }
}
