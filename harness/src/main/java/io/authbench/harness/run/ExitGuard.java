package io.authbench.harness.run;

import io.authbench.reports.results.ResultsWriter;
import io.authbench.reports.results.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure a run ends cleanly however the JVM stops: on Ctrl-C (or SIGTERM) the results file is marked
 * {@code interrupted} (everything measured so far stays readable) and every process this harness started — servers,
 * the Playwright driver, Chromium — is stopped. Also used after a normal end as a last sweep for orphans.
 */
final class ExitGuard implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final Thread hook;
    private volatile ResultsWriter writer;
    private volatile boolean stopping;
    /** Work that must happen however the run ends (deleting test users of an external Appwrite), before the file is closed. */
    private final List<Runnable> cleanups = new CopyOnWriteArrayList<>();

    ExitGuard() {
        StopSignal.install();
        hook = new Thread(this::onSignal, "authbench-exit-guard");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void watch(ResultsWriter resultsWriter) {
        this.writer = resultsWriter;
    }

    /**
     * Runs {@code cleanup} from the shutdown hook on Ctrl-C (before the results file is marked interrupted); the
     * engine also runs it itself on a normal or failed end, so it must be safe to run twice.
     */
    void onStop(Runnable cleanup) {
        cleanups.add(cleanup);
    }

    /** True once the JVM is shutting down: the engine stops starting new iterations. */
    boolean stopping() {
        return stopping;
    }

    private void onSignal() {
        stopping = true;
        for (Runnable cleanup : cleanups) {
            try {
                cleanup.run();
            } catch (RuntimeException ignored) {
                // the next clean-up and the file still matter
            }
        }
        ResultsWriter current = writer;
        if (current != null) {
            try {
                current.finish(RunStatus.INTERRUPTED, StopSignal.reason());
            } catch (RuntimeException ignored) {
                // the file keeps its last complete state
            }
        }
        stopDescendants();
    }

    /** Stops every process started by this JVM (and theirs): TERM, a short grace, then KILL. */
    static void stopDescendants() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle child : children) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                child.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                child.destroyForcibly();
            }
        }
    }

    /** After a normal end: no hook needed any more, but no child may survive either. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down: the hook does the work
        }
        stopDescendants();
    }
}
