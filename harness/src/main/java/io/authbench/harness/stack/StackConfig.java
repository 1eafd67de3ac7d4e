package io.authbench.harness.stack;

import io.authbench.support.process.CpuSets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to launch the servers of a run.
 *
 * @param emulatorJar        appwrite-emulator's shaded jar
 * @param ssrJar             ssr-app's shaded jar
 * @param csrJar             csr-app's shaded jar
 * @param projectId          the Appwrite project id every party uses
 * @param serverStartTimeout upper bound for each child's readiness line
 * @param logDir             where each child's stdout/stderr log goes (the run folder's {@code logs/})
 * @param cpuSets            the servers' CPUs: every server the stack starts runs on {@code cpuSets.servers()} (null
 *                           = off, anywhere)
 */
public record StackConfig(
        Path emulatorJar,
        Path ssrJar,
        Path csrJar,
        String projectId,
        Duration serverStartTimeout,
        Path logDir,
        CpuSets cpuSets) {
    public StackConfig {
        cpuSets = cpuSets == null ? CpuSets.off() : cpuSets;
    }

    /** Servers on any CPU. */
    public StackConfig(
            Path emulatorJar, Path ssrJar, Path csrJar, String projectId, Duration serverStartTimeout, Path logDir) {
        this(emulatorJar, ssrJar, csrJar, projectId, serverStartTimeout, logDir, CpuSets.off());
    }
}
