package io.authbench.emulator;

import io.authbench.emulator.auth.Project;
import io.authbench.emulator.config.EmulatorConfig;
import io.authbench.emulator.crypto.PasswordHasher;
import io.authbench.emulator.http.BodyReader;
import io.authbench.emulator.ratelimit.RateLimiter;
import io.authbench.emulator.routes.Routes;
import io.authbench.emulator.stats.RouteStats;
import io.authbench.emulator.store.InMemoryAuthStore;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.xnio.Options;

/**
 * The emulator as an embeddable server: {@link #start} binds, {@link #baseUrl} tells where, {@link #close} stops it
 * and its purge thread. Tests run it in-process on port 0; {@link EmulatorMain} runs it as a process.
 */
public final class EmulatorServer implements AutoCloseable {
    /** Connections idle this long are closed, and a read or write that stalls this long fails: nothing hangs. */
    private static final int IO_TIMEOUT_MILLIS = 60_000;
    /**
     * Request headers must be complete this long after the first byte. They are parsed on the I/O threads (no worker
     * waits for them), so this bounds only the connections a slow client can keep half-open.
     */
    private static final int HEADER_TIMEOUT_MILLIS = 10_000;

    private static final long LONGEST_RATE_WINDOW_SECONDS = 3600;

    private final EmulatorConfig config;
    private final Project project;
    private final Project console;
    private final RouteStats stats = new RouteStats();
    private final RateLimiter rateLimiter = new RateLimiter();
    private Undertow undertow;
    private ScheduledExecutorService purger;
    private String baseUrl;

    public EmulatorServer(EmulatorConfig config) {
        this.config = config;
        this.project = new Project(config.projectId(), new InMemoryAuthStore(), config.apiKey(), config.platforms());
        this.console = new Project(Projects.CONSOLE_ID, new InMemoryAuthStore(), null, List.of());
    }

    public synchronized EmulatorServer start() {
        if (undertow != null) {
            throw new IllegalStateException("the emulator is already started; create a new EmulatorServer to restart");
        }
        ApiHandler handler = new ApiHandler(
                new Projects(project, console),
                Routes.router(new PasswordHasher(config.passwordHashing()), config.sessionDuration()),
                rateLimiter,
                stats,
                config.rateLimits(),
                config.maxBodyBytes(),
                config.requestLog() ? System.out : null,
                config.trustedIpHeaders());
        Undertow.Builder builder = Undertow.builder();
        if (config.tls() == null) {
            builder.addHttpListener(config.port(), config.host());
        } else {
            // TLS ends here, in the emulator, as it does at Appwrite's own edge; h2 is offered through ALPN and
            // HTTP/1.1 stays available for clients that do not ask for h2.
            builder.addHttpsListener(config.port(), config.host(), config.tls().sslContext())
                    .setServerOption(UndertowOptions.ENABLE_HTTP2, true);
        }
        undertow = builder.setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IO_TIMEOUT_MILLIS)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, HEADER_TIMEOUT_MILLIS)
                // Undertow cuts bodies at 2 MiB by default; BodyReader keeps --max-body-bytes and drains up to this.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, BodyReader.DRAIN_LIMIT_BYTES)
                .setSocketOption(Options.READ_TIMEOUT, IO_TIMEOUT_MILLIS)
                .setSocketOption(Options.WRITE_TIMEOUT, IO_TIMEOUT_MILLIS)
                .setHandler(handler)
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            undertow.stop(); // a failed bind leaves XNIO threads behind; stop them so the JVM can exit
            undertow = null;
            throw e;
        }
        InetSocketAddress bound =
                (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        baseUrl = (config.tls() == null ? "http://" : "https://") + host + ":" + bound.getPort() + "/v1";
        purger = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "emulator-purge");
            thread.setDaemon(true);
            return thread;
        });
        long every = purgeIntervalMillis(config.sessionDuration());
        scheduleSurviving(purger, "session purge", this::purge, every);
        return this;
    }

    /**
     * Runs {@code task} every {@code everyMillis} for as long as {@code executor} lives, whatever one run throws: a
     * scheduled task that throws is otherwise never run again (an {@code OutOfMemoryError} caused by a sign-in on
     * another thread once stopped the session purge for good). A failed run is one line on stderr.
     */
    static void scheduleSurviving(ScheduledExecutorService executor, String name, Runnable task, long everyMillis) {
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException | Error e) {
                        System.err.println("appwrite-emulator: " + name + " failed, will run again: " + e);
                    }
                },
                everyMillis,
                everyMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Expired sessions go within half a session lifetime, bounded to between 1 s and 30 s. */
    static long purgeIntervalMillis(Duration sessionDuration) {
        return Math.max(1_000, Math.min(30_000, sessionDuration.toMillis() / 2));
    }

    void purge() {
        Instant now = Instant.now();
        project.store().purgeExpiredSessions(now);
        console.store().purgeExpiredSessions(now);
        rateLimiter.purgeBefore(now.getEpochSecond(), LONGEST_RATE_WINDOW_SECONDS);
    }

    /** The API base, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("the emulator is not started");
        }
        return baseUrl;
    }

    /** The configured project (tests inspect its store). */
    public Project project() {
        return project;
    }

    @Override
    public synchronized void close() {
        if (purger != null) {
            purger.shutdownNow();
        }
        if (undertow != null) {
            undertow.stop();
        }
    }
}
