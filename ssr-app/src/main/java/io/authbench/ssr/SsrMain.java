package io.authbench.ssr;

import io.authbench.ssr.cli.SsrCommandLine;
import io.authbench.ssr.cli.UsageException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar ssr-app.jar --appwrite-endpoint URL [flags]}: starts the SSR app, prints
 * {@code LISTENING <url>} on stdout and serves until the process is stopped.
 *
 * <p>Exit codes: 0 after --help/--version, 1 when the server cannot start (port taken, ...), 2 for a bad command line.
 */
public final class SsrMain {
    static final int OK = 0;
    static final int CANNOT_START = 1;
    // 2 sets usage problems apart from run failures, as picocli and most CLIs do.
    static final int USAGE = 2;

    // Held strongly: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
    private static final Logger[] QUIET_LOGGERS = {
        Logger.getLogger("org.xnio"), Logger.getLogger("io.undertow"), Logger.getLogger("okhttp3")
    };

    private SsrMain() {}

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        System.exit(code);
    }

    /** Parses, starts, prints the ready line, and (for a started server) blocks until the JVM is asked to stop. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        for (Logger logger : QUIET_LOGGERS) {
            logger.setLevel(Level.WARNING); // start-up banners and OkHttp's stack traces; we log our own lines
        }
        Optional<SsrConfig> config;
        try {
            config = SsrCommandLine.parse(args, environment, new PrintWriter(out, true))
                    .config();
        } catch (UsageException e) {
            err.println(SsrCommandLine.NAME + ": " + e.getMessage() + ". Run with --help for usage.");
            return USAGE;
        }
        if (config.isEmpty()) {
            return OK;
        }
        SsrServer server;
        try {
            server = SsrServer.start(config.get(), line -> err.println(SsrCommandLine.NAME + ": " + line));
        } catch (RuntimeException e) {
            err.println(SsrCommandLine.NAME + ": cannot listen on "
                    + config.get().host() + ":" + config.get().port() + " (" + rootCause(e)
                    + "). Choose another --host/--port; --port 0 picks a free port.");
            return CANNOT_START;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ssr-app-shutdown"));
        out.println("LISTENING " + server.url());
        out.flush();
        try {
            new CountDownLatch(1).await(); // serve until SIGTERM/SIGINT; the hook stops the server
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
