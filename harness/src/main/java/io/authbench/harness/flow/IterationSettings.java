package io.authbench.harness.flow;

import io.authbench.harness.measure.Destinations;
import io.authbench.harness.stack.EmulatorStats;

/**
 * What every iteration under one profile shares.
 *
 * @param destinations  which ports are the app and which Appwrite (to split requests per destination)
 * @param cpuSlowdown   CDP CPU throttling rate for measured pages, 1 = none
 * @param timeoutMs     upper bound of one iteration; Playwright waits and the probe use it
 * @param projectId     the Appwrite project id (CSR's session cookie is {@code a_session_<project>_legacy})
 * @param emulatorStats the emulator's counters, null when Appwrite is not the emulator
 * @param appwritePid   the Appwrite process id for server CPU, -1 if not measured
 */
public record IterationSettings(Destinations destinations, double cpuSlowdown, long timeoutMs, String projectId,
                                EmulatorStats emulatorStats, long appwritePid) {
}
