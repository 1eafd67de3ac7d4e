package io.authbench.harness.apps;

import io.authbench.harness.http.AppHttp;
import io.authbench.harness.http.ClientTrust;
import io.authbench.harness.http.Probe;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * Warms freshly started servers before anything is measured: a burst of plain HTTP/1.1 requests straight to each app
 * (not through the links, so it is quick) makes the JIT compile their request paths. The warm-up pairs that follow
 * warm the browser-driven paths (login, Appwrite calls) too.
 */
public final class JitWarmup {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private JitWarmup() {}

    /**
     * Sends {@code rounds} GETs of each path to each base URL; returns how many got an HTTP answer (any status).
     * Failures are not errors here: a server that does not answer is caught by the liveness check.
     */
    public static int run(List<URI> bases, List<String> paths, int rounds) {
        return run(bases, paths, rounds, ClientTrust.jdk());
    }

    /** As {@link #run(List, List, int)}, trusting {@code trust}'s authorities for https bases. */
    public static int run(List<URI> bases, List<String> paths, int rounds, ClientTrust trust) {
        HttpClient http = AppHttp.client(TIMEOUT, trust);
        int answered = 0;
        for (int i = 0; i < rounds; i++) {
            for (URI base : bases) {
                for (String path : paths) {
                    if (Thread.currentThread().isInterrupted()) {
                        return answered;
                    }
                    if (Probe.get(http, base.resolve(path), TIMEOUT).answered()) {
                        answered++;
                    }
                }
            }
        }
        return answered;
    }

    /** One GET of {@code base}'s {@code /login}: its status, or why there was no answer within {@code timeout}. */
    public static Probe probeLogin(URI base, Duration timeout) {
        return Probe.get(base.resolve("/login"), timeout);
    }
}
