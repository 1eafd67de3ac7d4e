package io.authbench.reports.stats;

import io.authbench.reports.results.BlockDesign;
import io.authbench.reports.results.Environment;
import io.authbench.reports.results.LinkSettings;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded model of one benchmark run with the noise seen between real runs on this machine (not a measurement):
 * every run draws a machine-speed factor (sd 10 % in log), every cell and every cell variant its own drift (sd 6 %
 * each), every pair a shared factor (8 %), every sample its own noise (12 %) and, 4 % of the time, a 1.5–3× outlier.
 * Two runs with different seeds are two runs of the same build; {@link #slowSsrDashboard} adds a fixed delay to the
 * SSR samples of the flows that end on the dashboard, as a deliberately slower build would.
 *
 * <p><b>In blocks</b> ({@link #inBlocks}): each block restarts the stack, so the model draws the cell and cell-variant
 * drifts (6 % each) afresh per block, plus a factor per block common to all its cells (the machine's state for those
 * minutes, 5 %). What the real design assumes and this model therefore builds in: a restart reproduces most of the
 * drift a re-run shows. Not all of it: every cell variant also keeps a drift for the whole run (3 %) that no restart
 * inside the run changes, which the between-block noise cannot see.
 *
 * <p>Cells (default): four flows × loopback and slow-4g, SSR and CSR, plus the A/A login cell per profile (the design
 * of the runs in which identical builds were reported "slower"). {@link #endToEnd}: the cells of harness's
 * {@code RegressionDetectionEndToEndTest}, four flows on loopback without A/A cell, two of which measure the SSR
 * dashboard.
 */
final class RunToRunModel {
    static final List<String> FLOWS = List.of("login", "revisit-cold", "navigate", "logout");
    static final List<String> PROFILES = List.of("loopback", "slow-4g");
    static final List<String> DASHBOARD_FLOWS = List.of("login", "revisit-cold");
    static final List<String> END_TO_END_FLOWS = List.of("revisit", "revisit-cold", "navigate", "logout");
    static final List<String> END_TO_END_DASHBOARD_FLOWS = List.of("revisit", "revisit-cold");

    private final int pairs;
    private int blocks = 1;
    private List<String> flows = FLOWS;
    private List<String> profiles = PROFILES;
    private List<String> dashboardFlows = DASHBOARD_FLOWS;
    private boolean aa = true;
    private double ssrDashboardDelayMs;

    /** One block of {@code pairs} pairs per cell (a run of {@code --pairs=N}). */
    RunToRunModel(int pairs) {
        this.pairs = pairs;
    }

    /** {@code blocks} blocks of {@code pairsPerBlock} pairs per cell. */
    static RunToRunModel inBlocks(int blocks, int pairsPerBlock) {
        RunToRunModel model = new RunToRunModel(pairsPerBlock);
        model.blocks = blocks;
        return model;
    }

    /** The cells of the end-to-end test: revisit, revisit-cold, navigate and logout on loopback, no A/A cell. */
    RunToRunModel endToEnd() {
        this.flows = END_TO_END_FLOWS;
        this.profiles = List.of("loopback");
        this.dashboardFlows = END_TO_END_DASHBOARD_FLOWS;
        this.aa = false;
        return this;
    }

    RunToRunModel slowSsrDashboard(double delayMs) {
        this.ssrDashboardDelayMs = delayMs;
        return this;
    }

    List<String> dashboardFlows() {
        return dashboardFlows;
    }

    /** Typical time to content (ms) of a cell variant on a quiet machine. */
    static double typicalMs(String flow, String profile, String variant) {
        boolean ssr = variant.startsWith("ssr");
        boolean slow = profile.equals("slow-4g");
        return switch (flow) {
            case "login" -> slow ? (ssr ? 900 : 1_000) : (ssr ? 70 : 60);
            case "revisit" -> slow ? (ssr ? 650 : 1_100) : (ssr ? 110 : 150);
            case "revisit-cold" -> slow ? (ssr ? 700 : 1_500) : (ssr ? 90 : 180);
            case "navigate" -> slow ? (ssr ? 450 : 190) : (ssr ? 60 : 10);
            case "logout" -> slow ? (ssr ? 600 : 420) : (ssr ? 40 : 30);
            default -> throw new IllegalArgumentException(flow);
        };
    }

    RunResults run(long seed) {
        Random random = new Random(seed);
        double machine = Math.exp(random.nextGaussian() * 0.10);
        List<Sample> samples = new ArrayList<>();
        if (blocks == 1) {
            for (String flow : flows) {
                for (String profile : profiles) {
                    cell(samples, random, machine, flow, profile, "ssr", "csr");
                }
            }
            if (aa) {
                for (String profile : profiles) {
                    cell(samples, random, machine, "login", profile, "ssr-a", "ssr-b");
                }
            }
        } else {
            blockedRun(samples, random, machine);
        }
        RunConfig config = new RunConfig(flows, profiles, pairs * blocks, 0, aa ? "login" : null, Map.of(), Map.of());
        Run run = new Run(
                "model-" + seed,
                RunStatus.COMPLETE,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                seed,
                false,
                blocks == 1 ? config : config.withBlocks(new BlockDesign(pairs, blocks, blocks, 0.1)));
        Environment env = new Environment(
                "model", 2, 1L << 30, "Linux", "17", "156", "1.62", Map.of(), "0", Environment.EMULATOR, "1.6.0");
        LinkSettings none = new LinkSettings(0, 0, 0);
        List<ProfileInfo> profileInfos = profiles.stream()
                .map(name -> new ProfileInfo(name, "model", none, none, none, 1))
                .toList();
        return RunResults.start(run, env, profileInfos).withSamples(samples);
    }

    private void cell(
            List<Sample> out, Random random, double machine, String flow, String profile, String a, String b) {
        double cellDrift = Math.exp(random.nextGaussian() * 0.06);
        double driftA = Math.exp(random.nextGaussian() * 0.06);
        double driftB = Math.exp(random.nextGaussian() * 0.06);
        for (int pair = 0; pair < pairs; pair++) {
            double pairFactor = Math.exp(random.nextGaussian() * 0.08);
            double scale = machine * cellDrift * pairFactor;
            out.add(sample(random, flow, profile, a, pair, scale * driftA));
            out.add(sample(random, flow, profile, b, pair, scale * driftB));
        }
    }

    /** A cell of a blocked run: its name and the drift it keeps for the whole run. */
    private record BlockedCell(String flow, String profile, String a, String b, double keptA, double keptB) {}

    private void blockedRun(List<Sample> out, Random random, double machine) {
        List<BlockedCell> cells = new ArrayList<>();
        for (String flow : flows) {
            for (String profile : profiles) {
                cells.add(new BlockedCell(flow, profile, "ssr", "csr", kept(random), kept(random)));
            }
        }
        if (aa) {
            for (String profile : profiles) {
                cells.add(new BlockedCell("login", profile, "ssr-a", "ssr-b", kept(random), kept(random)));
            }
        }
        for (int block = 0; block < blocks; block++) {
            double blockFactor = machine * Math.exp(random.nextGaussian() * 0.05);
            for (BlockedCell c : cells) {
                double cellDrift = Math.exp(random.nextGaussian() * 0.06);
                double driftA = c.keptA() * Math.exp(random.nextGaussian() * 0.06);
                double driftB = c.keptB() * Math.exp(random.nextGaussian() * 0.06);
                for (int k = 0; k < pairs; k++) {
                    int pair = block * pairs + k;
                    double scale = blockFactor * cellDrift * Math.exp(random.nextGaussian() * 0.08);
                    out.add(sample(random, c.flow(), c.profile(), c.a(), pair, scale * driftA)
                            .withBlock(block));
                    out.add(sample(random, c.flow(), c.profile(), c.b(), pair, scale * driftB)
                            .withBlock(block));
                }
            }
        }
    }

    private static double kept(Random random) {
        return Math.exp(random.nextGaussian() * 0.03);
    }

    private Sample sample(Random random, String flow, String profile, String variant, int pair, double scale) {
        double noise = Math.exp(random.nextGaussian() * 0.12)
                * (random.nextDouble() < 0.04 ? 1.5 + random.nextDouble() * 1.5 : 1);
        double ms = typicalMs(flow, profile, variant) * scale * noise;
        if (variant.startsWith("ssr") && dashboardFlows.contains(flow)) {
            ms += ssrDashboardDelayMs;
        }
        return Sample.ok(
                flow,
                variant,
                profile,
                pair,
                0,
                Instant.EPOCH,
                Metrics.builder().set(Metric.TIME_TO_CONTENT_MS, ms).build(),
                List.of());
    }
}
