package io.authbench.reports.golden;

import io.authbench.reports.results.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The golden fixtures of the report tests, produced by {@link SyntheticRun} through the project's own writer.
 * Run {@code main} to regenerate them into {@code src/test/resources/reports/golden} (then review the diff and
 * update the expected values in GoldenReportTest); GoldenFixturesTest fails if they drift.
 */
public final class GoldenFixtures {
    /**
     * A complete run: all flows, the four bundled profiles (docs/architecture.md#network-profiles), A/A cell, two
     * failures, every optional section.
     */
    public static final String FULL = "full-run";
    /** An interrupted run: one flow, two profiles, no optional sections. */
    public static final String INTERRUPTED = "interrupted-run";
    /** Two of FULL's flows with another seed: the "earlier run" for --baseline (other cells: not in the baseline). */
    public static final String BASELINE = "baseline-run";

    static final List<String> ALL_FLOWS =
            List.of("login", "revisit", "revisit-cold", "navigate", "guard", "logout", "no-js");
    static final List<String> ALL_PROFILES = List.of("loopback", "cable", "slow-4g", "far-backend");

    private GoldenFixtures() {}

    public static void writeAll(Path root) throws IOException {
        new SyntheticRun(20261127L, 12, 1, ALL_FLOWS, ALL_PROFILES)
                .writeTo(root.resolve(FULL), RunStatus.COMPLETE, true, true);
        new SyntheticRun(7L, 12, 1, List.of("login", "revisit-cold"), ALL_PROFILES)
                .writeTo(root.resolve(BASELINE), RunStatus.COMPLETE, false, false);
        new SyntheticRun(99L, 8, 0, List.of("login"), List.of("loopback", "slow-4g"))
                .writeTo(root.resolve(INTERRUPTED), null, true, false);
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/reports/golden");
        writeAll(root);
        System.out.println("golden fixtures written to " + root.toAbsolutePath());
    }
}
