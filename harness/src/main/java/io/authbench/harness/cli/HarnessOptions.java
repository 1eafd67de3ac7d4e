package io.authbench.harness.cli;

import io.authbench.harness.apptarget.Targets;
import io.authbench.harness.backend.ExternalAppwrite;
import io.authbench.harness.flow.Flow;
import io.authbench.harness.nextjs.NextjsApps;
import io.authbench.harness.plan.Variant;
import io.authbench.harness.profile.NetworkProfile;
import io.authbench.reports.results.BlockDesign;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A fully resolved benchmark request: every default applied, every value validated. The engine never sees argv.
 *
 * @param quick              the reduced quick mode (fewer profiles and pairs) was asked for
 * @param flows              the flows in run order (docs/architecture.md#flows)
 * @param profiles           the network profiles in run order, resolved once from the bundled ones and
 *                           {@code profilesFile} (docs/architecture.md#network-profiles)
 * @param profilesFile       the extra profiles file {@code profiles} were resolved with (recorded in the run
 *                           settings); null = none
 * @param pairs              measured pairs per cell; with blocks the most a cell can get ({@code blocks.maxPairs()})
 * @param warmupPairs        discarded pairs after each restart of the stack (first cell of each profile, each block)
 * @param blocks             how the run is split into blocks and when a cell stops (docs/statistics.md#blocks); null
 *                           = one block of {@code pairs}
 * @param seed               seed of the pair order
 * @param aaFlow             flow of the A/A (SSR vs SSR) cell; null = no A/A cell
 * @param out                run folder; created if missing, an earlier results.json in it is replaced
 * @param browser            the Chromium executable; null = discover (support's BrowserLocator)
 * @param emulatorJar        shaded jar of appwrite-emulator
 * @param ssrJar             shaded jar of ssr-app
 * @param csrJar             shaded jar of csr-app
 * @param iterationTimeout   upper bound of one iteration
 * @param serverStartTimeout upper bound for a child server's readiness line
 * @param sdkCallTimeout     upper bound of one Appwrite SDK call
 * @param serverPhase        run the server-side phase (server-bench: JMH and the load ladder) after the browser phase
 * @param serverSettings     which of server-bench's settings the server phase runs (quick, standard, full); null =
 *                           {@link Defaults#SERVER_SETTINGS}
 * @param sourceRoot         the repository root holding ssr-app/ and csr-app/ sources (code-size proxy); null =
 *                           not available, code size is not measured
 * @param appwrite           an external Appwrite (endpoint, project, key) used instead of the emulator; null = the
 *                           bundled emulator, started by the harness
 * @param topology           where the browser runs (here, a Playwright server, a Selenium Grid) and where the
 *                           browser-facing links listen; null = {@link Topology#local()}
 * @param targets            apps under test described by target files: launched by the harness behind the links
 *                           (files with {@code start}; a missing pattern is the bundled app) or running on their own
 *                           (reached at their base URLs, no links); null = the bundled apps, started behind links
 * @param filmstrip          screencast the median login pair for the report's filmstrip; off runs without any
 *                           screencast (how the screencast's cost on the measured times is measured)
 * @param nextjs             the Next.js pair ({@code --nextjs}): every cell also measures {@code next-ssr} and
 *                           {@code next-csr}, launched from the nextjs module's target files; null = off. Never
 *                           together with {@code targets}.
 */
public record HarnessOptions(
        boolean quick,
        List<Flow> flows,
        List<NetworkProfile> profiles,
        Path profilesFile,
        int pairs,
        int warmupPairs,
        BlockDesign blocks,
        long seed,
        Flow aaFlow,
        Path out,
        Path browser,
        Path emulatorJar,
        Path ssrJar,
        Path csrJar,
        Duration iterationTimeout,
        Duration serverStartTimeout,
        Duration sdkCallTimeout,
        boolean serverPhase,
        ServerPhaseSettings serverSettings,
        Path sourceRoot,
        ExternalAppwrite appwrite,
        Topology topology,
        Targets targets,
        boolean filmstrip,
        NextjsApps nextjs) {

    public HarnessOptions {
        topology = topology == null ? Topology.local() : topology;
        serverSettings = serverSettings == null ? ServerPhaseSettings.parse(Defaults.SERVER_SETTINGS) : serverSettings;
        flows = List.copyOf(flows);
        profiles = List.copyOf(profiles);
        blocks = blocks == null ? BlockDesign.fixed(pairs) : blocks;
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(emulatorJar, "emulatorJar");
        Objects.requireNonNull(ssrJar, "ssrJar");
        Objects.requireNonNull(csrJar, "csrJar");
        Objects.requireNonNull(iterationTimeout, "iterationTimeout");
        Objects.requireNonNull(serverStartTimeout, "serverStartTimeout");
        Objects.requireNonNull(sdkCallTimeout, "sdkCallTimeout");
        if (nextjs != null && targets != null) {
            throw new IllegalArgumentException("the Next.js pair and target files exclude each other");
        }
    }

    /** The variants every cell measures: {@code ssr}, {@code csr}, with the Next.js pair also {@code next-*}. */
    public List<Variant> pairedVariants() {
        return nextjs == null
                ? List.of(Variant.SSR, Variant.CSR)
                : List.of(Variant.SSR, Variant.CSR, Variant.NEXT_SSR, Variant.NEXT_CSR);
    }

    /** The flows' codes in run order, as results.json records them. */
    public List<String> flowCodes() {
        return flows.stream().map(Flow::code).toList();
    }

    /** The A/A cell's flow code; null = no A/A cell. */
    public String aaFlowCode() {
        return aaFlow == null ? null : aaFlow.code();
    }

    /** The profiles' names in run order, as results.json records them. */
    public List<String> profileNames() {
        return profiles.stream().map(NetworkProfile::name).toList();
    }

    /** True when the apps under test come from target files. */
    public boolean targetMode() {
        return targets != null;
    }

    /** The bundled emulator and apps on this machine, no sources (code size not measured), filmstrip on. */
    public HarnessOptions(
            boolean quick,
            List<Flow> flows,
            List<NetworkProfile> profiles,
            Path profilesFile,
            int pairs,
            int warmupPairs,
            long seed,
            Flow aaFlow,
            Path out,
            Path browser,
            Path emulatorJar,
            Path ssrJar,
            Path csrJar,
            Duration iterationTimeout,
            Duration serverStartTimeout,
            Duration sdkCallTimeout,
            boolean serverPhase,
            ServerPhaseSettings serverSettings) {
        this(
                quick,
                flows,
                profiles,
                profilesFile,
                pairs,
                warmupPairs,
                null,
                seed,
                aaFlow,
                out,
                browser,
                emulatorJar,
                ssrJar,
                csrJar,
                iterationTimeout,
                serverStartTimeout,
                sdkCallTimeout,
                serverPhase,
                serverSettings,
                null,
                null,
                Topology.local(),
                null,
                true,
                null);
    }
}
