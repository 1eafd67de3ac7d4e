package io.authbench.reports.results;

import java.util.Objects;

/**
 * A network/device profile as it was configured for the run (docs/architecture.md#network-profiles).
 *
 * @param name            e.g. {@code slow-4g}
 * @param description     one line for readers
 * @param browserApp      browser ↔ app link
 * @param browserAppwrite browser ↔ Appwrite link
 * @param appAppwrite     app ↔ Appwrite link
 * @param cpuSlowdown     CDP CPU throttling rate, 1 = none
 */
public record ProfileInfo(
        String name,
        String description,
        LinkSettings browserApp,
        LinkSettings browserAppwrite,
        LinkSettings appAppwrite,
        double cpuSlowdown) {

    public ProfileInfo {
        Objects.requireNonNull(name, "\"profile.name\" is missing");
    }

    /** The configured settings of {@code link} in this profile. */
    public LinkSettings link(NetworkLink link) {
        return switch (link) {
            case BROWSER_APP -> browserApp;
            case BROWSER_APPWRITE -> browserAppwrite;
            case APP_APPWRITE -> appAppwrite;
        };
    }
}
