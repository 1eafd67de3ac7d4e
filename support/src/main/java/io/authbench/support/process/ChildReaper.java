package io.authbench.support.process;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills every still-running child when this JVM exits (normal exit, Ctrl-C, SIGTERM), so no orphan keeps a port
 * or a CPU busy. A {@code kill -9} of this JVM cannot be caught; children then live on until stopped by hand.
 */
final class ChildReaper {
    /** Ctrl-C should feel immediate: children get a short moment to stop cleanly, then are killed. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private static final Set<ProcessHandle> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildReaper::stopAll, "authbench-child-reaper"));
    }

    private ChildReaper() {}

    static void register(ProcessHandle child) {
        RUNNING.add(child);
    }

    static void unregister(ProcessHandle child) {
        RUNNING.remove(child);
    }

    private static void stopAll() {
        ProcessTree.stopAll(Set.copyOf(RUNNING), SHUTDOWN_GRACE);
    }
}
