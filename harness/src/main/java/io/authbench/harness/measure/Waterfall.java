package io.authbench.harness.measure;

import io.authbench.harness.browser.Exchange;
import io.authbench.harness.browser.ServerTiming;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The request waterfall of one iteration (results.json's {@code requests}): the browser's exchanges with the app and
 * with Appwrite in the measured window, and after each app response the app→Appwrite calls its Server-Timing
 * announced, laid end to end from the response's start (the header gives durations, not start times). Each browser
 * request carries how it used its connection ({@link io.authbench.harness.browser.ConnectionUse}); the app→Appwrite
 * calls carry none (the app's connection pool is not observable from the browser).
 */
public final class Waterfall {
    /** A millisecond of slack for clock rounding between the renderer and the network service. */
    private static final double SLACK_MS = 1.0;

    private Waterfall() {}

    /**
     * @param fromEpoch the start of the measured phase: exchanges that started earlier are set-up, not shown
     * @param zeroEpoch time zero of the waterfall (the user action)
     * @param endEpoch  the end of the window (the content paint, or the no-js page's arrival)
     * @param path      the critical path: its exchanges (and the calls behind them) are marked critical
     */
    public static List<ObservedRequest> of(
            List<Exchange> exchanges,
            Destinations destinations,
            double fromEpoch,
            double zeroEpoch,
            double endEpoch,
            CriticalPath path) {
        List<ObservedRequest> out = new ArrayList<>();
        for (Exchange e : inWindow(exchanges, fromEpoch, endEpoch)) {
            NetworkLink link = destinations.isApp(e)
                    ? NetworkLink.BROWSER_APP
                    : destinations.isAppwrite(e) ? NetworkLink.BROWSER_APPWRITE : null;
            if (link == null) {
                continue; // neither app nor Appwrite (a browser-internal or third-party request): not on the three
                // links
            }
            double start = e.startEpochMs() - zeroEpoch;
            Double end = e.finished() ? e.endEpochMs() - zeroEpoch : null;
            boolean critical = path.contains(e);
            String serverTimingHeader = e.serverTiming().isEmpty()
                    ? null
                    : String.join(
                            ", ",
                            e.serverTiming().stream()
                                    .map(t -> t.name() + (Double.isNaN(t.durationMs()) ? "" : ";dur=" + t.durationMs()))
                                    .toList());
            out.add(new ObservedRequest(
                    link,
                    e.method(),
                    pathOf(e.url()),
                    null,
                    e.resourceType(),
                    e.status() == 0 ? null : e.status(),
                    start,
                    end,
                    e.encodedBytes(),
                    e.preflight(),
                    e.fromCache(),
                    e.cacheControl(),
                    serverTimingHeader,
                    critical,
                    e.connection().protocol(),
                    e.connection().newConnection(),
                    e.connection().connectMs(),
                    e.connection().tlsMs(),
                    e.connection().tlsVersion()));
            double cursor = start;
            for (ServerTiming timing : e.serverTiming()) {
                if (!timing.isAppwriteCall()) {
                    continue;
                }
                double duration = Double.isNaN(timing.durationMs()) ? 0 : timing.durationMs();
                out.add(new ObservedRequest(
                        NetworkLink.APP_APPWRITE,
                        null,
                        timing.name(),
                        timing.name(),
                        null,
                        null,
                        cursor,
                        cursor + duration,
                        null,
                        false,
                        false,
                        null,
                        null,
                        critical));
                cursor += duration;
            }
        }
        return out;
    }

    /** The exchanges that started in {@code [from, to]} (with a millisecond of slack at both ends). */
    public static List<Exchange> inWindow(List<Exchange> exchanges, double from, double to) {
        return exchanges.stream()
                .filter(e -> e.startEpochMs() >= from - SLACK_MS && e.startEpochMs() <= to + SLACK_MS)
                .toList();
    }

    /** The path of {@code url} ({@code /} if it has none or cannot be parsed): no query, which may hold tokens. */
    static String pathOf(String url) {
        try {
            String path = URI.create(url).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
