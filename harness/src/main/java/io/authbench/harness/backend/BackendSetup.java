package io.authbench.harness.backend;

import io.authbench.harness.cli.Defaults;
import io.authbench.harness.cli.HarnessOptions;
import io.authbench.harness.stack.Stack;
import io.authbench.harness.stack.StackConfig;
import io.authbench.harness.stack.UserSeeder;
import io.authbench.harness.transport.RunTls;
import io.authbench.reports.results.Incident;
import io.authbench.reports.results.ResultsWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine's few touch points with the backend choice, kept here so the engine stays about measuring: the
 * preflight of an external Appwrite, which stack to start, and deleting the test users afterwards.
 */
public final class BackendSetup {
    /** Component name of the clean-up incident in results.json. */
    public static final String USERS_COMPONENT = "appwrite-users";

    private BackendSetup() {}

    /** The project id every party uses: the external one, or the emulator's fixed id. */
    public static String projectId(HarnessOptions options) {
        return options.appwrite() != null ? options.appwrite().projectId() : Defaults.PROJECT_ID;
    }

    /**
     * Checks an external Appwrite before anything is started or measured; prints what passed. True when there is
     * nothing to check (the emulator) or every check passed; false after printing the problem and its fix on
     * {@code err} (the caller exits with 2: it is a configuration problem, like a bad option).
     */
    public static boolean preflight(HarnessOptions options, PrintWriter out, PrintWriter err) {
        ExternalAppwrite backend = options.appwrite();
        if (backend == null) {
            return true;
        }
        out.println(
                "authbench: checking the Appwrite at " + backend.label() + " (project " + backend.projectId() + ")");
        out.flush();
        try {
            // The origin Appwrite's Web-platform check sees: the host name in browser URLs (--public-host).
            String origin = "http://" + options.topology().links().publicHost();
            List<String> passed = new Preflight(backend, origin, Defaults.PREFLIGHT_TIMEOUT).run();
            passed.forEach(line -> out.println("authbench:   ok: " + line));
            out.flush();
            return true;
        } catch (PreflightException e) {
            err.println("authbench: Appwrite preflight failed, nothing was measured: " + e.getMessage());
            err.flush();
            return false;
        }
    }

    /**
     * What config.settings records about the backend: {@code appwriteLinks} says whether the profile's Appwrite links
     * were in the path (always for the emulator and an http endpoint; not for https, see {@code Stack}).
     */
    public static Map<String, String> configSettings(HarnessOptions options) {
        ExternalAppwrite backend = options.appwrite();
        if (backend == null) {
            return Map.of();
        }
        if (options.targets() != null && !options.targets().launched()) {
            return Map.of(
                    "appwriteLinks",
                    "none: the target apps run on their own and reach the Appwrite"
                            + " directly; the harness put no link in front of it");
        }
        return Map.of(
                "appwriteLinks",
                backend.tls()
                        ? "none: the https endpoint is reached directly (TLS names its host); only the real network delays Appwrite calls"
                        : "profile links in front of the external endpoint (their delay adds to the real network's)");
    }

    /** Starts the emulator, or connects to the external Appwrite (nothing is launched for it). */
    public static Stack startStack(HarnessOptions options, Path logDir) {
        return startStack(options, logDir, null);
    }

    /**
     * As {@link #startStack(HarnessOptions, Path)}; with {@code tls} (never with an external Appwrite: the command line
     * refuses it) the emulator and later the apps serve HTTPS with the run's certificates.
     */
    public static Stack startStack(HarnessOptions options, Path logDir, RunTls tls) {
        StackConfig config = new StackConfig(
                options.emulatorJar(),
                options.ssrJar(),
                options.csrJar(),
                projectId(options),
                options.serverStartTimeout(),
                logDir,
                options.topology().cpuSets());
        return options.appwrite() != null
                ? Stack.connect(config, options.appwrite())
                : Stack.start(config, tls, options.topology().links());
    }

    /**
     * The clean-up of an external Appwrite's test users, run at most once: by the engine when the measurement ends
     * (normally or not) or by the shutdown hook on Ctrl-C, whichever comes first. Prints and records (incident
     * {@value #USERS_COMPONENT}) which users were deleted and which could not be. A no-op for the emulator, whose
     * users end with its process.
     */
    public static Runnable userCleanup(Stack stack, UserSeeder seeder, ResultsWriter writer, PrintWriter out) {
        if (!stack.external()) {
            return () -> {};
        }
        AtomicBoolean done = new AtomicBoolean();
        Object lock = new Object();
        // Synchronized, not just once: if the engine is mid-way when Ctrl-C comes, the hook waits for it to finish
        // (the JVM halts when the hook returns).
        return () -> {
            synchronized (lock) {
                if (!done.getAndSet(true)) {
                    deleteUsers(seeder, writer, out);
                }
            }
        };
    }

    private static void deleteUsers(UserSeeder seeder, ResultsWriter writer, PrintWriter out) {
        UserSeeder.Cleanup cleanup = seeder.deleteCreated();
        String text = cleanup.describe()
                + (cleanup.deleted().isEmpty() ? "" : "; deleted ids: " + String.join(", ", cleanup.deleted()));
        out.println("authbench: " + cleanup.describe());
        out.flush();
        try {
            writer.addIncident(new Incident(Instant.now(), USERS_COMPONENT, text));
        } catch (RuntimeException ignored) {
            // the results file is already closed (shutdown): the console line above is the record
        }
    }
}
