package io.authbench.harness.apps;

import io.authbench.harness.flow.AppTarget;
import io.authbench.harness.flow.LinkShaping;
import io.authbench.harness.measure.Destinations;
import io.authbench.harness.plan.Variant;
import java.net.URI;

/**
 * The apps of one profile (an SSR and a CSR app; with the Next.js pair also {@code next-ssr} and {@code next-csr}),
 * as the engine's profile loop sees them, whoever runs them: the harness behind the
 * profile's links ({@link StartedApps}: the bundled apps, launched targets, or one of each) or their owner
 * ({@link ExternalApps}: targets that run on their own). {@link AppSource} chooses; the loop has no other branch.
 * Closing stops what the harness started for the profile (nothing for external apps).
 */
public interface ProfileApps extends AutoCloseable {

    /** One line for the console: where the apps and Appwrite are for the browser. */
    String describe();

    /**
     * Before the first iteration: checks that each app answers, warms it up (GETs of its login and dashboard pages)
     * and calibrates the profile's links if there are any. Prints and records what it did.
     *
     * @throws io.authbench.harness.stack.ChildDiedException if an app does not answer (the run cannot measure it)
     */
    void prepare(Preparation preparation);

    /** Set-up of flows that start signed in goes through the login form (so the test users need passwords). */
    boolean setUpThroughLoginForm();

    /** Which requests went to an app and which to Appwrite. */
    Destinations destinations();

    /** Appwrite's API base as the browser reaches it (CSR's session cookie is set for its host). */
    URI appwriteForBrowser();

    /** Switches the profile's links between set-up (full speed) and the measured phase. */
    LinkShaping linkShaping();

    /** The app one iteration of {@code variant} runs against ({@link Variant#app()}), recorded under its label. */
    AppTarget target(Variant variant);

    /** Throws {@link io.authbench.harness.stack.ChildDiedException} if an app the harness started has died. */
    void checkAlive();

    /**
     * After a failed iteration: throws {@link io.authbench.harness.stack.ChildDiedException} if the failure is an app
     * the harness started that died or stopped answering (the run cannot go on); otherwise returns (a failed sample).
     */
    void blame(Variant variant, String failure, String iteration);

    @Override
    void close();
}
