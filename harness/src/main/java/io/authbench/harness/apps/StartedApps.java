package io.authbench.harness.apps;

import io.authbench.harness.apptarget.Target;
import io.authbench.harness.flow.AppTarget;
import io.authbench.harness.flow.LinkShaping;
import io.authbench.harness.http.Probe;
import io.authbench.harness.measure.Destinations;
import io.authbench.harness.plan.Variant;
import io.authbench.harness.stack.ChildDiedException;
import io.authbench.harness.stack.ProfileStack;
import io.authbench.support.process.ServerProcess;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Apps the harness started for one profile, each behind its own browser→app link ({@link ProfileStack}): the bundled
 * apps, launched targets, or one of each, and with the Next.js pair the two Next.js apps as well. What differs between
 * them is only the {@link Target} (routes, selectors, session cookie) each is driven by; the links, the logs, server
 * CPU and a crash are handled alike.
 */
final class StartedApps implements ProfileApps {
    private final ProfileStack stack;
    /** By the variant whose app it is ({@link Variant#app()}), keyed in the stack by that variant's label. */
    private final Map<Variant, Target> targets = new LinkedHashMap<>();

    /**
     * @param stack    the started links and apps, keyed by {@link Variant#label()} of the variant each app serves
     * @param launched each launched app's target, its base URL not yet the link's; an app of the stack without one is
     *                 the bundled app of its pattern
     */
    StartedApps(ProfileStack stack, Map<Variant, Target> launched) {
        this.stack = stack;
        for (String key : stack.appKeys()) {
            Variant variant = Variant.byLabel(key).orElseThrow(() -> new IllegalArgumentException("app key " + key));
            String base = stack.endpoints().apps().get(key).toString();
            ServerProcess process = stack.app(key);
            Target target = launched.get(variant);
            // The browser reaches each app through its link; server CPU is that of the process the harness started.
            targets.put(
                    variant,
                    target == null
                            ? Target.bundled(variant.runsSsrApp(), base, process.pid())
                            : launched(target, base, process));
        }
    }

    private static Target launched(Target target, String base, ServerProcess process) {
        return new Target(
                target.name(),
                target.pattern(),
                base,
                target.routes(),
                target.selectors(),
                target.sessionCookie(),
                target.nameMatch(),
                process.pid(),
                target.source());
    }

    @Override
    public String describe() {
        return targets.entrySet().stream()
                        .map(e -> e.getKey().label().toUpperCase(Locale.ROOT) + " " + name(e.getValue()) + " at "
                                + e.getValue().baseUrl())
                        .collect(Collectors.joining(", "))
                + ", Appwrite for the browser " + stack.endpoints().appwriteForBrowser();
    }

    private static String name(Target target) {
        return target.builtIn() ? "(bundled)" : target.name() + " (launched, pid " + target.serverPid() + ")";
    }

    @Override
    public void prepare(Preparation p) {
        long start = System.nanoTime();
        List<AppWarmup.App> apps = new ArrayList<>();
        targets.forEach((variant, target) -> apps.add(warmup(target, stack.app(variant.label()))));
        AppWarmup.warm(apps, p.warmupRounds(), stack.clientTrust());
        p.out()
                .printf(
                        Locale.ROOT,
                        "authbench:   JIT warm-up (%d rounds) in %.1f s%n",
                        p.warmupRounds(),
                        (System.nanoTime() - start) / 1e9);
        if (p.calibrateLinks()) {
            LinkCalibrations.calibrate(stack.profile(), p);
        } else {
            p.out().println("authbench:   links as calibrated in the first block (same settings)");
        }
    }

    private static AppWarmup.App warmup(Target target, ServerProcess process) {
        // Straight to the app (no link): quick, and it measures nothing.
        return new AppWarmup.App(
                process.name(),
                process.url(),
                target.routes().login(),
                List.of(
                        target.routes().login().substring(1),
                        target.routes().dashboard().substring(1)),
                "it was started and became ready, so see its logs ("
                        + process.stdoutLog().getFileName() + ", "
                        + process.stderrLog().getFileName() + " in " + process.logDir() + ")");
    }

    /** Set-up signs in through the login form when an SSR app's session cookie is unknown (users need passwords). */
    @Override
    public boolean setUpThroughLoginForm() {
        return targets.values().stream().anyMatch(t -> t.ssr() && t.sessionCookie() == null);
    }

    @Override
    public Destinations destinations() {
        return new Destinations(stack.appPorts(), stack.appwritePorts());
    }

    @Override
    public URI appwriteForBrowser() {
        return stack.endpoints().appwriteForBrowser();
    }

    /** All links switch together: set-up at full speed, the measured phase with the profile. */
    @Override
    public LinkShaping linkShaping() {
        return new LinkShaping() {
            @Override
            public void fullSpeed() {
                stack.links().forEach(link -> link.setShaping(false));
            }

            @Override
            public void applyProfile() {
                stack.links().forEach(link -> link.setShaping(true));
            }
        };
    }

    @Override
    public AppTarget target(Variant variant) {
        return new AppTarget(variant.label(), targetOf(variant));
    }

    private Target targetOf(Variant variant) {
        Target target = targets.get(variant.app());
        if (target == null) {
            throw new IllegalStateException(
                    "no app for variant " + variant.label() + " in this profile: " + targets.keySet());
        }
        return target;
    }

    @Override
    public void checkAlive() {
        stack.checkAlive();
    }

    @Override
    public void blame(Variant variant, String failure, String iteration) {
        stack.checkAlive();
        ServerProcess app = stack.app(variant.app().label());
        Target target = targetOf(variant);
        if (failure != null && failure.startsWith("timed out")) {
            Probe probe = Probe.firstAnswer(
                    URI.create(app.url() + target.routes().login()),
                    AppWarmup.LIVENESS_TIMEOUT,
                    AppWarmup.HUNG_AFTER_TRIES,
                    stack.clientTrust());
            if (!probe.answered()) {
                stack.checkAlive(); // died while we asked: say that, not "stopped answering"
                throw new ChildDiedException(
                        app.name(),
                        app.name() + " stopped answering (no reply to GET "
                                + target.routes().login() + " in "
                                + AppWarmup.HUNG_AFTER_TRIES + " tries of " + AppWarmup.LIVENESS_TIMEOUT.toSeconds()
                                + " s: " + probe.failure() + ") during " + iteration + ". Last log lines:\n"
                                + app.logTail(ServerProcess.TAIL_LINES_ON_ERROR));
            }
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
