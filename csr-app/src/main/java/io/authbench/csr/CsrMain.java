package io.authbench.csr;

import io.authbench.csr.cli.CsrCommandLine;
import io.authbench.csr.cli.CsrOptions;
import io.authbench.csr.cli.UsageException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar csr-app.jar --appwrite-endpoint URL [--port 0] [--host 127.0.0.1] [--project authbench] [--request-log]}
 *
 * <p>Exit codes: 0 after {@code --help}; 1 when the server cannot start; 2 for a bad command line (so a
 * caller can tell "you called me wrong" from "I failed"). While serving, the process runs until killed.
 */
public final class CsrMain {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private CsrMain() {}

    public static void main(String[] args) {
        quietLibraryLogging();
        Optional<Integer> exit = run(args, System.out, System.err);
        exit.ifPresent(System::exit);
    }

    /**
     * Parses, starts and prints the readiness line.
     *
     * @return the exit code, or empty while the server is running (Undertow's threads keep the JVM alive)
     */
    static Optional<Integer> run(String[] args, PrintStream out, PrintStream err) {
        CsrOptions options;
        try {
            StringBuilder help = new StringBuilder();
            Optional<CsrOptions> parsed = CsrCommandLine.parse(args, help);
            if (parsed.isEmpty()) {
                out.print(help);
                out.flush();
                return Optional.of(OK);
            }
            options = parsed.get();
        } catch (UsageException e) {
            err.println("csr-app: " + e.getMessage() + ". Run with --help for usage.");
            return Optional.of(USAGE);
        }
        CsrServer server;
        try {
            server = CsrServer.start(options, out);
        } catch (RuntimeException e) {
            err.println("csr-app: " + e.getMessage());
            return Optional.of(FAILED);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "csr-app-shutdown"));
        out.println("LISTENING " + server.baseUrl());
        out.flush();
        return Optional.empty();
    }

    // Undertow and XNIO announce their versions at INFO on every start; keep stderr for problems.
    private static void quietLibraryLogging() {
        for (String name : new String[] {"io.undertow", "org.xnio", "org.jboss"}) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger); // JUL holds loggers weakly; a collected logger would forget its level
        }
    }

    private static final List<Logger> QUIETED = new ArrayList<>();
}
