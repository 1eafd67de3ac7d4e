package io.authbench.harness.run;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Remembers which signal stopped the JVM, so an interrupted run says "SIGTERM" when it was killed (by a CI job, a
 * container stop, {@code kill}) and "Ctrl-C" only when it was one. A shutdown hook cannot tell on its own.
 *
 * <p>Each handler records the signal's name and then hands the signal to the JVM's own handler, which starts the
 * usual shutdown (hooks, exit status 128 + signal number): nothing else about stopping changes.
 */
final class StopSignal {
    private static volatile String received;

    private StopSignal() {}

    /** Installs the recording handlers for SIGINT and SIGTERM; safe to call more than once. */
    static synchronized void install() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, SignalHandler.SIG_DFL);
                if (previous instanceof Recording) {
                    Signal.handle(signal, previous); // already installed
                    continue;
                }
                Signal.handle(signal, new Recording(previous));
            } catch (IllegalArgumentException unavailable) {
                // the JVM runs with -Xrs or the platform has no such signal: the reason stays generic
            }
        }
    }

    /** Why the run stopped early, for the results file and the console. */
    static String reason() {
        String signal = received;
        if ("INT".equals(signal)) {
            return "stopped by Ctrl-C (SIGINT) before the run finished";
        }
        if ("TERM".equals(signal)) {
            return "stopped by SIGTERM before the run finished";
        }
        return "stopped (the JVM shut down) before the run finished";
    }

    private record Recording(SignalHandler previous) implements SignalHandler {
        @Override
        public void handle(Signal signal) {
            received = signal.getName();
            previous.handle(signal);
        }
    }
}
