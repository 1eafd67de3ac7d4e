package io.authbench.harness.run;

import io.authbench.harness.cli.HarnessOptions;
import io.authbench.reports.results.Incident;
import io.authbench.reports.results.ResultsWriter;
import io.authbench.serverbench.ServerCostPhase;
import io.authbench.serverbench.ServerCostResult;
import io.authbench.serverbench.ServerCostSettings;
import io.authbench.serverbench.stack.StackJars;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The run's second phase: what each pattern costs the servers (server-bench's {@link ServerCostPhase}: JMH with the
 * servers' CPU per operation, then a constant-rate load ladder of SSR and CSR page views). It starts its own emulator
 * and apps, so the engine calls it only after every browser-phase child is stopped
 * (docs/statistics.md#phases-never-overlap).
 *
 * <p>Its figures go into the same results.json ({@code jmh}, {@code load}) and its files into the run folder
 * ({@value ServerCostPhase#FOLDER}/). A phase that cannot run or breaks off is an incident: the browser results
 * already written stay as they are.
 */
final class ServerPhase {
    /** The incident component of everything this phase reports. */
    static final String COMPONENT = "server-bench";

    /** Runs the phase; {@link ServerCostPhase#run(ServerCostSettings, Path, PrintStream)} in production. */
    interface Measurement {
        ServerCostResult run(ServerCostSettings settings, Path runFolder, PrintStream progress);
    }

    private final Measurement measurement;
    private final PrintWriter out;
    private final PrintWriter err;

    ServerPhase(Measurement measurement, PrintWriter out, PrintWriter err) {
        this.measurement = measurement;
        this.out = out;
        this.err = err;
    }

    static ServerPhase real(PrintWriter out, PrintWriter err) {
        return new ServerPhase(ServerCostPhase::run, out, err);
    }

    /**
     * The settings the run asked for ({@code --server-settings}, quick unless asked; {@code --jmh-full} is full); with
     * the Next.js pair ({@link #nextjsDir}) the phase also measures {@code next-ssr} and {@code next-csr}.
     */
    static ServerCostSettings settingsFor(HarnessOptions options) {
        StackJars jars = new StackJars(options.emulatorJar(), options.ssrJar(), options.csrJar());
        ServerCostSettings settings = switch (options.serverSettings()) {
            case QUICK -> ServerCostSettings.quick(jars);
            case STANDARD -> ServerCostSettings.standard(jars);
            case FULL -> ServerCostSettings.full(jars);
        };
        return settings.withNextjs(nextjsDir(options));
    }

    /** The nextjs folder whose apps the phase also measures when the run measures the Next.js pair ({@code --nextjs}), else null. */
    static Path nextjsDir(HarnessOptions options) {
        return options.nextjs() == null ? null : options.nextjs().directory();
    }

    /** What goes into {@code run.config.settings} about this phase (known before the run starts; no secrets). */
    static Map<String, String> configSettings(HarnessOptions options) {
        Map<String, String> settings = new LinkedHashMap<>();
        String skipped = skipReason(options);
        settings.put("serverPhase", !options.serverPhase() ? "off" : skipped != null ? "skipped: " + skipped : "on");
        if (options.serverPhase() && skipped == null) {
            // The same keys server-bench records itself, from its one source (ServerCostSettings.forResults): what
            // the quick, standard or full setting runs (JMH iterations, modes, threads; ladder rates and steps; ...).
            settings.putAll(settingsFor(options).forResults());
        }
        return settings;
    }

    /**
     * Why the phase does not apply to this run, or null when it does: it measures the bundled apps and the emulator,
     * started by itself on loopback, so it says nothing about target apps or an external Appwrite.
     */
    static String skipReason(HarnessOptions options) {
        if (options.appwrite() != null) {
            return "it measures servers it starts itself on loopback (its own emulator), not the external Appwrite at "
                    + options.appwrite().label() + ", whose CPU this harness cannot see";
        }
        if (options.targets() != null) {
            return "it measures the bundled apps (JMH and a load ladder of their pages), not the target apps of this run";
        }
        return null;
    }

    /**
     * Measures and stores the results in {@code writer}; returns false if the phase could not run or broke off (then
     * an incident says why). Never throws for a failure of the phase itself.
     */
    boolean run(HarnessOptions options, Path runFolder, ResultsWriter writer) {
        ServerCostSettings settings = settingsFor(options);
        out.println("authbench: server phase (" + settings.name() + "): JMH and the load ladder against freshly started"
                + " servers; files in " + runFolder.resolve(ServerCostPhase.FOLDER));
        out.flush();
        long start = System.nanoTime();
        ServerCostResult result;
        try (PrintStream progress = LinePrintStream.to(out)) {
            result = measurement.run(settings, runFolder, progress);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("authbench: the server phase failed: " + reason);
            err.println("authbench: the browser results are kept in " + writer.file()
                    + "; rerun with --server-phase=off" + " to skip this phase.");
            err.flush();
            writer.addIncident(
                    new Incident(Instant.now(), COMPONENT, "the server phase failed and measured nothing: " + reason));
            return false;
        }
        writer.setJmh(result.jmh());
        writer.setLoad(result.load());
        for (String note : result.notes()) {
            writer.addIncident(new Incident(Instant.now(), COMPONENT, note));
        }
        out.printf(
                Locale.ROOT,
                "authbench: server phase done in %.0f s: %d JMH results, %d load steps%n",
                (System.nanoTime() - start) / 1e9,
                result.jmh().size(),
                result.load().size());
        out.flush();
        return true;
    }
}
