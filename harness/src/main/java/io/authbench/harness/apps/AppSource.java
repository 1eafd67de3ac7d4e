package io.authbench.harness.apps;

import io.authbench.harness.apptarget.Target;
import io.authbench.harness.apptarget.TargetSpec;
import io.authbench.harness.apptarget.Targets;
import io.authbench.harness.cli.HarnessOptions;
import io.authbench.harness.link.LinkHosts;
import io.authbench.harness.nextjs.NextjsApps;
import io.authbench.harness.plan.Variant;
import io.authbench.harness.profile.NetworkProfile;
import io.authbench.harness.stack.AppLauncher;
import io.authbench.harness.stack.BundledLauncher;
import io.authbench.harness.stack.CommandLauncher;
import io.authbench.harness.stack.Stack;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a run's apps come from, decided once from the options: the bundled apps (no {@code --target}), launched
 * targets (target files with {@code start}; a missing pattern is the bundled app), or external targets (files
 * without {@code start}); with {@code --nextjs}, the bundled apps plus the Next.js apps as launched targets.
 * {@link #start} gives the engine each profile's {@link ProfileApps}.
 */
public final class AppSource {
    private final Stack stack;
    private final Targets targets;
    private final LinkHosts hosts;
    private final HarnessOptions options;

    private AppSource(HarnessOptions options, Stack stack) {
        this.options = options;
        this.stack = stack;
        this.targets = options.targets();
        this.hosts = options.topology().links();
    }

    /** The source of {@code options}' apps; {@code stack} is the run's Appwrite (emulator or external). */
    public static AppSource of(HarnessOptions options, Stack stack) {
        return new AppSource(options, stack);
    }

    /**
     * Starts (or, for external targets, looks up) the apps of {@code profile}: with the Next.js pair, the two Next.js
     * apps after the SSR and CSR apps, each behind its own link.
     */
    public ProfileApps start(NetworkProfile profile) {
        if (targets != null && !targets.launched()) {
            return new ExternalApps(
                    targets.ssr(), targets.csr(), options.appwrite().endpoint(), stack.backendLabel());
        }
        Map<String, AppLauncher> launchers = new LinkedHashMap<>();
        Map<Variant, Target> launched = new LinkedHashMap<>();
        for (Variant variant : options.pairedVariants()) {
            TargetSpec spec = variant.nextjs()
                    ? options.nextjs().spec(variant.runsSsrApp())
                    : targets == null ? null : targets.spec(variant.runsSsrApp());
            launchers.put(
                    variant.label(),
                    spec == null
                            ? new BundledLauncher(
                                    variant.runsSsrApp(), variant.runsSsrApp() ? options.ssrJar() : options.csrJar())
                            : new CommandLauncher(
                                    spec,
                                    variant.nextjs()
                                            ? NextjsApps.harnessEnvironment(Stack.APP_UPSTREAM_TIMEOUT)
                                            : Map.of()));
            if (spec != null) {
                launched.put(variant, spec.target());
            }
        }
        return new StartedApps(stack.startProfile(profile, hosts, launchers), launched);
    }
}
