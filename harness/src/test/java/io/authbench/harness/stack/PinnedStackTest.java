package io.authbench.harness.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.authbench.harness.ServerJars;
import io.authbench.harness.profile.LinkSpec;
import io.authbench.harness.profile.NetworkProfile;
import io.authbench.support.process.CpuSets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With CPU sets, the real emulator and both apps run on the server set only, every one of their threads (HotSpot's
 * compiler and GC threads included), while this JVM keeps its own CPUs.
 */
class PinnedStackTest {
    private static final NetworkProfile LOOPBACK =
            new NetworkProfile("loopback", "test", LinkSpec.TRANSPARENT, LinkSpec.TRANSPARENT, LinkSpec.TRANSPARENT, 1);

    @TempDir
    Path logs;

    @Test
    void the_emulator_and_the_apps_run_on_the_server_cpus_only() throws Exception {
        List<Integer> allowed = CpuSets.allowedCpus();
        assumeTrue(allowed.size() >= 2, "needs two CPUs this process may use; it may use " + allowed);
        CpuSets sets = CpuSets.parse("auto", allowed);
        try (Stack stack = Stack.start(new StackConfig(
                        ServerJars.emulator(),
                        ServerJars.ssr(),
                        ServerJars.csr(),
                        "authbench",
                        Duration.ofSeconds(60),
                        logs,
                        sets));
                ProfileStack profile = stack.startProfile(LOOPBACK)) {
            for (long pid : List.of(
                    stack.emulator().pid(), profile.ssr().pid(), profile.csr().pid())) {
                List<List<Integer>> threads = threadCpus(pid);
                assertThat(threads).as("threads of pid %d", pid).hasSizeGreaterThan(5);
                assertThat(threads)
                        .as("threads of pid %d", pid)
                        .allSatisfy(cpus -> assertThat(cpus).isEqualTo(sets.servers()));
            }
        }
        assertThat(CpuSets.allowedCpus())
                .as("this JVM is not pinned by starting servers")
                .isEqualTo(allowed);
    }

    /** Every thread's {@code Cpus_allowed_list} of process {@code pid}. */
    private static List<List<Integer>> threadCpus(long pid) throws IOException {
        List<List<Integer>> all = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                for (String line : Files.readAllLines(task.resolve("status"))) {
                    if (line.startsWith("Cpus_allowed_list:")) {
                        all.add(CpuSets.expand(
                                line.substring(line.indexOf(':') + 1).strip()));
                    }
                }
            }
        }
        return all;
    }
}
