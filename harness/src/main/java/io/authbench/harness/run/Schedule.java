package io.authbench.harness.run;

import io.authbench.harness.apptarget.Targets;
import io.authbench.harness.cli.HarnessOptions;
import io.authbench.harness.flow.Flow;
import io.authbench.harness.nextjs.NextjsApps;
import io.authbench.harness.plan.CellKey;
import io.authbench.harness.plan.PlannedIteration;
import io.authbench.harness.plan.RunPlan;
import io.authbench.harness.profile.NetworkProfile;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Turns the options into the engine's steps through {@link RunPlan} (seeded, balanced pair order, warm-ups first). */
final class Schedule {
    private Schedule() {}

    static List<Step> build(HarnessOptions options, List<NetworkProfile> profiles) {
        return plan(options, profiles).iterations().stream().map(Schedule::step).toList();
    }

    /**
     * The steps of block {@code block} for the cells still open (docs/statistics.md#blocks). A run of more than one
     * block draws every block's profile and cell order from the seed; a one-block run keeps the order given.
     */
    static List<Step> block(HarnessOptions options, List<NetworkProfile> profiles, int block, Set<CellKey> open) {
        return RunPlan.block(
                        options.flows(),
                        profiles,
                        options.blocks().pairsPerBlock(),
                        options.warmupPairs(),
                        options.seed(),
                        options.aaFlow(),
                        flow -> skipReason(flow, options.targets()),
                        options.nextjs() == null ? null : flow -> nextjsSkipReason(flow, options.nextjs()),
                        block,
                        options.blocks().maxBlocks() > 1,
                        open::contains)
                .iterations()
                .stream()
                .map(Schedule::step)
                .toList();
    }

    /** Every cell of the run (each block runs those still open). */
    static Set<CellKey> cells(HarnessOptions options, List<NetworkProfile> profiles) {
        Set<CellKey> cells = new LinkedHashSet<>();
        plan(options, profiles).iterations().forEach(it -> cells.add(it.cell()));
        return cells;
    }

    /** The most iterations the run can take: every cell running every block. */
    static int maxIterations(HarnessOptions options, List<NetworkProfile> profiles) {
        int perBlock = RunPlan.block(
                        options.flows(),
                        profiles,
                        options.blocks().pairsPerBlock(),
                        options.warmupPairs(),
                        options.seed(),
                        options.aaFlow(),
                        flow -> skipReason(flow, options.targets()),
                        options.nextjs() == null ? null : flow -> nextjsSkipReason(flow, options.nextjs()),
                        0,
                        false,
                        cell -> true)
                .size();
        return perBlock * options.blocks().maxBlocks();
    }

    /** Flow code → why it is not run (the targets lack what it needs); results.json records it. */
    static Map<String, String> skippedFlows(HarnessOptions options) {
        Map<String, String> skipped = new LinkedHashMap<>();
        Stream.concat(options.flows().stream(), Stream.ofNullable(options.aaFlow()))
                .forEach(flow -> skipReason(flow, options.targets())
                        .ifPresent(reason -> skipped.putIfAbsent(flow.code(), reason)));
        return skipped;
    }

    /**
     * Flow code → why the Next.js pair does not run it (its cells then hold the Undertow pair only); empty without the
     * Next.js pair. results.json records it with the Next.js variants' apps.
     */
    static Map<String, String> nextjsSkippedFlows(HarnessOptions options) {
        Map<String, String> skipped = new LinkedHashMap<>();
        if (options.nextjs() != null) {
            options.flows().stream()
                    .forEach(flow -> nextjsSkipReason(flow, options.nextjs())
                            .ifPresent(reason -> skipped.put(flow.code(), reason)));
        }
        return skipped;
    }

    private static RunPlan<Flow> plan(HarnessOptions options, List<NetworkProfile> profiles) {
        return RunPlan.build(
                options.flows(),
                profiles,
                options.pairs(),
                options.warmupPairs(),
                options.seed(),
                options.aaFlow(),
                flow -> skipReason(flow, options.targets()),
                options.nextjs() == null ? null : flow -> nextjsSkipReason(flow, options.nextjs()));
    }

    /** Both Next.js apps must support a flow for the Next.js pair to run it (their target files say what they have). */
    private static Optional<String> nextjsSkipReason(Flow flow, NextjsApps nextjs) {
        List<String> reasons = Stream.of(nextjs.ssr().target(), nextjs.csr().target())
                .map(flow::unsupportedReason)
                .flatMap(Optional::stream)
                .toList();
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /**
     * Both targets must support a flow (its cells pair them); the bundled apps support every flow, also when they
     * stand in for the pattern a run's single launched target file does not cover (a null target).
     */
    private static Optional<String> skipReason(Flow flow, Targets targets) {
        if (targets == null) {
            return Optional.empty();
        }
        List<String> reasons = Stream.of(targets.ssr(), targets.csr())
                .filter(Objects::nonNull)
                .map(flow::unsupportedReason)
                .flatMap(Optional::stream)
                .toList();
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static Step step(PlannedIteration<Flow> it) {
        return new Step(it.flow(), it.profileName(), it.pair(), it.order(), it.variant(), it.warmup(), it.block());
    }
}
