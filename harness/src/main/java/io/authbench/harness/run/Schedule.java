package io.authbench.harness.run;

import io.authbench.harness.cli.HarnessOptions;
import io.authbench.harness.flow.Flow;
import io.authbench.harness.plan.PlannedIteration;
import io.authbench.harness.plan.RunPlan;
import io.authbench.harness.profile.NetworkProfile;
import java.util.List;

/** Turns the options into the engine's steps through {@link RunPlan} (seeded, balanced pair order, warm-ups first). */
final class Schedule {
    private Schedule() {
    }

    static List<Step> build(HarnessOptions options, List<NetworkProfile> profiles) {
        List<Flow> flows = options.flows().stream().map(Schedule::flow).toList();
        Flow aaFlow = options.aaFlow() == null ? null : flow(options.aaFlow());
        RunPlan<Flow> plan = RunPlan.build(flows, profiles, options.pairs(), options.warmupPairs(), options.seed(), aaFlow);
        return plan.iterations().stream().map(Schedule::step).toList();
    }

    private static Flow flow(String code) {
        return Flow.byCode(code).orElseThrow(() -> new IllegalArgumentException("unknown flow '" + code + "'"));
    }

    private static Step step(PlannedIteration<Flow> it) {
        return new Step(it.flow(), it.profileName(), it.pair(), it.order(), it.variant().label(), it.variant().runsSsrApp(),
                it.warmup());
    }
}
