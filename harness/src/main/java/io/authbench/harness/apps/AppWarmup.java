package io.authbench.harness.apps;

import io.authbench.harness.http.ClientTrust;
import io.authbench.harness.http.Probe;
import io.authbench.harness.stack.ChildDiedException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Before measuring: each app must answer a GET of its login page (else every iteration would wait out its timeout),
 * then gets the warm-up GETs of its login and dashboard pages ({@link JitWarmup}).
 */
final class AppWarmup {
    /** How long an app may take to answer a plain GET before it counts as not answering. */
    static final Duration LIVENESS_TIMEOUT = Duration.ofSeconds(5);
    /**
     * The same over HTTPS: the first TLS request of the harness's JVM also pays JSSE's one-time set-up, which took
     * 3.8 s on the 2-core project machine under load (the next ones 0.5 s); 5 s made a healthy app look dead.
     */
    static final Duration TLS_LIVENESS_TIMEOUT = Duration.ofSeconds(30);
    /**
     * After an iteration timed out, how many {@link #LIVENESS_TIMEOUT} GETs an app the harness started may leave
     * unanswered before it counts as hung and the run stops: a garbage-collection pause or an upstream call stuck in
     * a third-party app can hold one answer past 5 s while the app is still there, and ending a run costs every cell
     * not yet measured.
     */
    static final int HUNG_AFTER_TRIES = 3;

    private AppWarmup() {}

    /**
     * One app to warm.
     *
     * @param name   the app's name in messages (and the incident's component)
     * @param base   where the harness reaches it directly (no link)
     * @param login  its login path
     * @param pages  the paths warmed, relative to {@code base + "/"} (a base URL with a path keeps it)
     * @param fix    what to do when it does not answer, for the message
     */
    record App(String name, URI base, String login, List<String> pages, String fix) {}

    /** Checks and warms each app; returns how many warm-up GETs got an answer. */
    static int warm(List<App> apps, int rounds) {
        return warm(apps, rounds, ClientTrust.jdk());
    }

    /** As {@link #warm(List, int)}, trusting {@code trust}'s authorities for apps that serve HTTPS. */
    static int warm(List<App> apps, int rounds, ClientTrust trust) {
        int answered = 0;
        for (App app : apps) {
            requireAnswer(app, trust);
            answered += JitWarmup.run(List.of(URI.create(app.base() + "/")), app.pages(), rounds, trust);
        }
        return answered;
    }

    /** @throws ChildDiedException naming the app, the URL and why there was no answer (the exception) */
    static void requireAnswer(App app) {
        requireAnswer(app, ClientTrust.jdk());
    }

    static void requireAnswer(App app, ClientTrust trust) {
        URI login = URI.create(app.base() + app.login());
        Duration timeout = trust.runAuthority() ? TLS_LIVENESS_TIMEOUT : LIVENESS_TIMEOUT;
        Probe probe = Probe.get(login, timeout, trust);
        if (!probe.answered()) {
            throw new ChildDiedException(
                    app.name(),
                    app.name() + " does not answer GET " + login + " within " + timeout.toSeconds() + " s ("
                            + probe.failure() + "): " + app.fix());
        }
    }
}
