package io.authbench.harness.apps;

import io.authbench.harness.cli.Defaults;
import io.authbench.harness.link.LinkCalibration;
import io.authbench.harness.link.LinkCalibrator;
import io.authbench.harness.profile.LinkSpec;
import io.authbench.harness.profile.NetworkProfile;
import io.authbench.reports.results.CalibratedLink;
import io.authbench.reports.results.Incident;
import io.authbench.reports.results.LinkSettings;
import io.authbench.reports.results.NetworkLink;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the RTT and bandwidth of each of a profile's three link specs and records them next to the configured
 * values ({@code links} in results.json), so a misconfigured or overloaded link shows.
 */
public final class LinkCalibrations {
    private LinkCalibrations() {}

    /** Calibrates {@code profile}'s links; a link that cannot be calibrated is an incident, not an error. */
    static void calibrate(NetworkProfile profile, Preparation p) {
        long start = System.nanoTime();
        LinkCalibrator calibrator = p.quick()
                ? new LinkCalibrator(Defaults.QUICK_CALIBRATION_PINGS, Defaults.QUICK_CALIBRATION_TRANSFER_TIME)
                : new LinkCalibrator(Defaults.CALIBRATION_PINGS, Defaults.CALIBRATION_TRANSFER_TIME);
        Map<NetworkLink, LinkSpec> links = new LinkedHashMap<>();
        links.put(NetworkLink.BROWSER_APP, profile.browserApp());
        links.put(NetworkLink.BROWSER_APPWRITE, profile.browserAppwrite());
        links.put(NetworkLink.APP_APPWRITE, profile.appAppwrite());
        for (Map.Entry<NetworkLink, LinkSpec> link : links.entrySet()) {
            try {
                LinkCalibration c = calibrator.calibrate(
                        profile.name() + " " + link.getKey().code(), link.getValue());
                p.calibrations()
                        .add(new CalibratedLink(
                                profile.name(),
                                link.getKey(),
                                settings(link.getValue()),
                                c.measuredRttMs(),
                                c.measuredDownBitsPerSecond(),
                                c.measuredUpBitsPerSecond()));
                p.out().println("authbench:   " + c.describe());
            } catch (RuntimeException e) {
                p.calibrations()
                        .add(new CalibratedLink(
                                profile.name(), link.getKey(), settings(link.getValue()), null, null, null));
                p.writer()
                        .addIncident(new Incident(
                                Instant.now(),
                                "calibration",
                                "link " + link.getKey().code() + " of " + profile.name() + " could not be calibrated: "
                                        + e.getMessage()));
            }
        }
        p.writer().setLinks(p.calibrations());
        p.out().printf(Locale.ROOT, "authbench:   links calibrated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        p.out().flush();
    }

    /** A link spec as results.json records it. */
    public static LinkSettings settings(LinkSpec spec) {
        return new LinkSettings(spec.rtt().toNanos() / 1e6, spec.downBitsPerSecond(), spec.upBitsPerSecond());
    }
}
