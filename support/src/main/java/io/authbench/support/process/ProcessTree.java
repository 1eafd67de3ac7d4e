package io.authbench.support.process;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process together with every process it started, first politely, then by force. */
final class ProcessTree {
    /** After SIGKILL the kernel needs a moment to tear the processes down; we wait for that, not for cleanup. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private ProcessTree() {}

    /**
     * Sends SIGTERM to {@code root} and its descendants, waits up to {@code grace} for all of them to exit, then
     * SIGKILLs whatever is left. Returns once every process of the tree is gone (or {@link #KILL_WAIT} passed).
     */
    static void stop(ProcessHandle root, Duration grace) {
        stopAll(List.of(root), grace);
    }

    /** {@link #stop} for several trees at once, so N trees cost one grace period, not N. */
    static void stopAll(Collection<ProcessHandle> roots, Duration grace) {
        // Snapshot the trees before anything dies: once a root is gone its children are re-parented
        // and no longer show up as its descendants.
        Set<ProcessHandle> all = snapshot(roots);
        all.forEach(ProcessHandle::destroy);
        if (awaitExit(all, grace)) {
            return;
        }
        // Children may have spawned more processes meanwhile (shutdown hooks): look again before killing.
        all.addAll(snapshot(roots));
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(all, KILL_WAIT);
    }

    private static Set<ProcessHandle> snapshot(Collection<ProcessHandle> roots) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        for (ProcessHandle root : roots) {
            tree.add(root);
            if (root.isAlive()) {
                root.descendants().forEach(tree::add);
            }
        }
        return tree;
    }

    private static boolean awaitExit(Set<ProcessHandle> processes, Duration timeout) {
        List<CompletableFuture<ProcessHandle>> exits =
                processes.stream().map(ProcessHandle::onExit).toList();
        try {
            CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
