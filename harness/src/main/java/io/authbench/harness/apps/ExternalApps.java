package io.authbench.harness.apps;

import io.authbench.harness.apptarget.Target;
import io.authbench.harness.flow.AppTarget;
import io.authbench.harness.flow.LinkShaping;
import io.authbench.harness.measure.Destinations;
import io.authbench.harness.plan.Variant;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Target apps that run on their own (target files without {@code start}): the harness reaches them at their base
 * URLs, starts nothing and shapes no link; only loopback-like profiles are accepted for them
 * ({@link io.authbench.harness.apptarget.Targets#checkProfile}). Their failures stay failed samples.
 */
final class ExternalApps implements ProfileApps {
    private final Target ssr;
    private final Target csr;
    private final URI appwrite;
    private final String backendLabel;

    ExternalApps(Target ssr, Target csr, URI appwrite, String backendLabel) {
        this.ssr = ssr;
        this.csr = csr;
        this.appwrite = appwrite;
        this.backendLabel = backendLabel;
    }

    @Override
    public String describe() {
        return "targets: SSR " + ssr.name() + " at " + ssr.baseUrl() + ", CSR " + csr.name() + " at " + csr.baseUrl()
                + ", Appwrite " + backendLabel + " (not started here: no links, the network is not emulated)";
    }

    /** The same GETs of the login and dashboard routes as the bundled apps' warm-up; no links to calibrate. */
    @Override
    public void prepare(Preparation p) {
        long start = System.nanoTime();
        AppWarmup.warm(List.of(warmup(ssr), warmup(csr)), p.warmupRounds());
        p.out()
                .printf(
                        Locale.ROOT,
                        "authbench:   warm-up of the targets (%d rounds of GET login and dashboard) in %.1f s;"
                                + " link calibration: not applicable (no links)%n",
                        p.warmupRounds(),
                        (System.nanoTime() - start) / 1e9);
        p.out().flush();
    }

    private static AppWarmup.App warmup(Target target) {
        return new AppWarmup.App(
                target.name(),
                URI.create(target.baseUrl()),
                target.routes().login(),
                List.of(
                        target.routes().login().substring(1),
                        target.routes().dashboard().substring(1)),
                "start it, or correct its baseUrl in " + target.source() + " (--target-base-url " + target.name()
                        + "=<url>)");
    }

    @Override
    public boolean setUpThroughLoginForm() {
        // An SSR target without a known session cookie signs in through its form in set-up: passwords.
        return ssr.sessionCookie() == null;
    }

    @Override
    public Destinations destinations() {
        return Destinations.byOrigin(List.of(URI.create(ssr.baseUrl()), URI.create(csr.baseUrl())), List.of(appwrite));
    }

    @Override
    public URI appwriteForBrowser() {
        return appwrite;
    }

    @Override
    public LinkShaping linkShaping() {
        return LinkShaping.NONE;
    }

    @Override
    public AppTarget target(Variant variant) {
        if (variant.nextjs()) { // --nextjs and --target exclude each other (RunCommand)
            throw new IllegalStateException("no Next.js app in a run of external targets");
        }
        return new AppTarget(variant.label(), variant.runsSsrApp() ? ssr : csr);
    }

    @Override
    public void checkAlive() {
        // not ours: a failing app shows in the iterations
    }

    @Override
    public void blame(Variant variant, String failure, String iteration) {
        // target apps are not ours: their failures stay failed samples with the browser's reason
    }

    @Override
    public void close() {
        // nothing was started
    }
}
