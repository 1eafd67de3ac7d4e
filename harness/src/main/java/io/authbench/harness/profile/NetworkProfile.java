package io.authbench.harness.profile;

import java.util.Objects;

/**
 * One network and device profile (docs/architecture.md#network-profiles): the three links of a run and the browser's
 * CPU slowdown.
 *
 * <p>SSR moves the Appwrite hop into the data centre ({@code appAppwrite}); CSR pays it over the user's link
 * ({@code browserAppwrite}). That is why a profile carries three links rather than one browser-side throttle.
 *
 * @param name            identifier used on the command line and in results, e.g. {@code slow-4g}
 * @param description     one sentence for the report
 * @param browserApp      the link between the browser and the app server (both variants)
 * @param browserAppwrite the link between the browser and Appwrite (CSR's auth calls)
 * @param appAppwrite     the link between {@code ssr-app} and Appwrite (SSR's auth calls)
 * @param cpuSlowdown     CPU throttling rate for the browser ({@code Emulation.setCPUThrottlingRate}); 1 = none, ≥ 1
 */
public record NetworkProfile(
        String name,
        String description,
        LinkSpec browserApp,
        LinkSpec browserAppwrite,
        LinkSpec appAppwrite,
        double cpuSlowdown) {

    public NetworkProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(browserApp, "browserApp");
        Objects.requireNonNull(browserAppwrite, "browserAppwrite");
        Objects.requireNonNull(appAppwrite, "appAppwrite");
        if (!ProfileNames.isValid(name)) {
            throw new IllegalArgumentException("profile name '" + name + "' " + ProfileNames.RULE);
        }
        if (!(cpuSlowdown >= 1) || Double.isInfinite(cpuSlowdown)) {
            throw new IllegalArgumentException("cpuSlowdown must be a finite number >= 1, got " + cpuSlowdown);
        }
    }
}
