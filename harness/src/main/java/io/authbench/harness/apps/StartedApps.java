package io.authbench.harness.apps;

import io.authbench.harness.apptarget.Target;
import io.authbench.harness.flow.AppTarget;
import io.authbench.harness.flow.LinkShaping;
import io.authbench.harness.http.Probe;
import io.authbench.harness.measure.Destinations;
import io.authbench.harness.stack.ChildDiedException;
import io.authbench.harness.stack.ProfileStack;
import io.authbench.support.process.ServerProcess;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Apps the harness started for one profile behind the profile's four links ({@link ProfileStack}): the bundled
 * apps, launched targets, or one of each. What differs between them is only the {@link Target} (routes, selectors,
 * session cookie) each side is driven by; the links, the logs, server CPU and a crash are handled alike.
 */
final class StartedApps implements ProfileApps {
    private final ProfileStack stack;
    private final Target ssr;
    private final Target csr;

    /**
     * @param stack the started links and apps
     * @param ssr   the SSR side's target, its base URL not yet the link's (null = the bundled SSR app)
     * @param csr   the CSR side's target (null = the bundled CSR app)
     */
    StartedApps(ProfileStack stack, Target ssr, Target csr) {
        this.stack = stack;
        String ssrBase = stack.endpoints().ssrBase().toString();
        String csrBase = stack.endpoints().csrBase().toString();
        // The browser reaches each app through its link; server CPU is that of the process the harness started.
        this.ssr = ssr == null ? Target.bundled(true, ssrBase, stack.ssr().pid()) : launched(ssr, ssrBase, stack.ssr());
        this.csr = csr == null ? Target.bundled(false, csrBase, stack.csr().pid()) : launched(csr, csrBase, stack.csr());
    }

    private static Target launched(Target target, String base, ServerProcess process) {
        return new Target(target.name(), target.pattern(), base, target.routes(), target.selectors(),
                target.sessionCookie(), target.nameMatch(), process.pid(), target.source());
    }

    @Override
    public String describe() {
        return "SSR " + name(ssr) + " at " + ssr.baseUrl() + ", CSR " + name(csr) + " at " + csr.baseUrl()
                + ", Appwrite for the browser " + stack.endpoints().appwriteForBrowser();
    }

    private static String name(Target target) {
        return target.builtIn() ? "(bundled)" : target.name() + " (launched, pid " + target.serverPid() + ")";
    }

    @Override
    public void prepare(Preparation p) {
        long start = System.nanoTime();
        AppWarmup.warm(List.of(warmup(ssr, stack.ssr()), warmup(csr, stack.csr())), p.warmupRounds());
        p.out().printf(Locale.ROOT, "authbench:   JIT warm-up (%d rounds) in %.1f s%n", p.warmupRounds(),
                (System.nanoTime() - start) / 1e9);
        LinkCalibrations.calibrate(stack.profile(), p);
    }

    private static AppWarmup.App warmup(Target target, ServerProcess process) {
        // Straight to the app (no link): quick, and it measures nothing.
        return new AppWarmup.App(process.name(), process.url(), target.routes().login(),
                List.of(target.routes().login().substring(1), target.routes().dashboard().substring(1)),
                "it was started and became ready, so see its logs (" + process.stdoutLog().getFileName() + ", "
                        + process.stderrLog().getFileName() + " in " + process.logDir() + ")");
    }

    @Override
    public boolean setUpThroughLoginForm() {
        return ssr.sessionCookie() == null;
    }

    @Override
    public Destinations destinations() {
        return new Destinations(stack.appPorts(), stack.appwritePorts());
    }

    @Override
    public URI appwriteForBrowser() {
        return stack.endpoints().appwriteForBrowser();
    }

    /** All four links switch together: set-up at full speed, the measured phase with the profile. */
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
    public AppTarget target(String variant, boolean ssrSide) {
        return new AppTarget(variant, ssrSide ? ssr : csr);
    }

    @Override
    public void checkAlive() {
        stack.checkAlive();
    }

    @Override
    public void blame(boolean ssrSide, String failure, String iteration) {
        stack.checkAlive();
        ServerProcess app = ssrSide ? stack.ssr() : stack.csr();
        Target target = ssrSide ? ssr : csr;
        if (failure != null && failure.startsWith("timed out")) {
            Probe probe = Probe.get(URI.create(app.url() + target.routes().login()), AppWarmup.LIVENESS_TIMEOUT);
            if (!probe.answered()) {
                throw new ChildDiedException(app.name(), app.name() + " stopped answering (no reply to GET "
                        + target.routes().login() + " within " + AppWarmup.LIVENESS_TIMEOUT.toSeconds() + " s: "
                        + probe.failure() + ") during " + iteration + ". Last log lines:\n"
                        + app.logTail(ServerProcess.TAIL_LINES_ON_ERROR));
            }
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
