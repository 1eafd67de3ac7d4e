package io.authbench.reports.stats;

import io.authbench.reports.results.LinkSettings;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Round-trip analysis: the median iteration of each flow × profile × variant, its request counts per link,
 * critical-path depth and the {@link ExpectedTime} model; and over all of the cell's samples, the
 * {@link ConnectionSetUp} per browser link.
 */
public final class RoundTrips {
    private RoundTrips() {}

    /**
     * @param flow          flow
     * @param profile       profile
     * @param variant       variant
     * @param median        the median iteration (lower median for an even count), by time to content
     * @param browserApp    requests on browser↔app
     * @param browserAppwrite requests on browser↔Appwrite, preflights included
     * @param preflights    CORS preflights
     * @param appAppwrite   app→Appwrite calls (metric appwriteCallsServer, else Server-Timing entries)
     * @param depth         critical-path depth (metric, else count of critical browser requests); null if unknown
     * @param expected      expected vs measured time; empty without a profile definition
     * @param connections   median connection set-up per browser link over the cell's samples; empty when the
     *                      requests do not say how they used their connections (not measured)
     */
    public record Row(
            String flow,
            String profile,
            String variant,
            Sample median,
            int browserApp,
            int browserAppwrite,
            int preflights,
            int appAppwrite,
            Integer depth,
            Optional<ExpectedTime> expected,
            List<ConnectionSetUp> connections) {
        public Row {
            connections = List.copyOf(connections);
        }
    }

    /** One row per flow × profile × variant (SSR and CSR only) that has an ok sample with a time to content. */
    public static List<Row> of(RunResults results, List<CellComparison> comparisons) {
        List<Row> rows = new ArrayList<>();
        for (CellComparison c : comparisons) {
            for (String variant : List.of(c.first().variant(), c.second().variant())) {
                medianSample(results, c.flow(), c.profile(), variant).ifPresent(s -> rows.add(row(results, s)));
            }
        }
        return rows;
    }

    /** The ok sample at the lower-median position of time to content (ties: the earlier pair). */
    public static Optional<Sample> medianSample(RunResults results, String flow, String profile, String variant) {
        List<Sample> ok = results.samples().stream()
                .filter(s -> !s.warmup()
                        && s.ok()
                        && s.flow().equals(flow)
                        && s.profile().equals(profile)
                        && s.variant().equals(variant)
                        && s.metrics().has(Metric.TIME_TO_CONTENT_MS))
                .sorted(Comparator.comparingDouble((Sample s) -> s.metrics().numberOrNull(Metric.TIME_TO_CONTENT_MS))
                        .thenComparingInt(Sample::pair))
                .toList();
        return ok.isEmpty() ? Optional.empty() : Optional.of(ok.get((ok.size() - 1) / 2));
    }

    static Row row(RunResults results, Sample s) {
        List<ObservedRequest> requests = s.requests();
        int browserApp = (int) requests.stream()
                .filter(r -> r.link() == NetworkLink.BROWSER_APP && !r.fromCache())
                .count();
        int browserAppwrite = (int) requests.stream()
                .filter(r -> r.link() == NetworkLink.BROWSER_APPWRITE && !r.fromCache())
                .count();
        int preflights = s.metrics().has(Metric.PREFLIGHTS)
                ? s.metrics().numberOrNull(Metric.PREFLIGHTS).intValue()
                : (int) requests.stream().filter(ObservedRequest::preflight).count();
        int appAppwrite = s.metrics().has(Metric.APPWRITE_CALLS_SERVER)
                ? s.metrics().numberOrNull(Metric.APPWRITE_CALLS_SERVER).intValue()
                : (int) requests.stream()
                        .filter(r -> r.link() == NetworkLink.APP_APPWRITE)
                        .count();
        List<ObservedRequest> critical = requests.stream()
                .filter(r -> r.criticalPath() && r.link() != NetworkLink.APP_APPWRITE && !r.fromCache())
                .toList();
        Integer depth = s.metrics().has(Metric.CRITICAL_PATH_DEPTH)
                ? Integer.valueOf(
                        s.metrics().numberOrNull(Metric.CRITICAL_PATH_DEPTH).intValue())
                : critical.isEmpty() ? null : critical.size();
        Optional<ExpectedTime> expected =
                ProfileLookup.find(results, s.profile()).flatMap(p -> expected(s, p, critical, depth));
        return new Row(
                s.flow(),
                s.profile(),
                s.variant(),
                s,
                browserApp,
                browserAppwrite,
                preflights,
                appAppwrite,
                depth,
                expected,
                ConnectionSetUp.of(results.samples().stream()
                        .filter(c -> c.flow().equals(s.flow())
                                && c.profile().equals(s.profile())
                                && c.variant().equals(s.variant()))
                        .toList()));
    }

    private static Optional<ExpectedTime> expected(
            Sample s, ProfileInfo profile, List<ObservedRequest> critical, Integer depth) {
        Double measured = s.metrics().numberOrNull(Metric.TIME_TO_CONTENT_MS);
        if (measured == null) {
            return Optional.empty();
        }
        double server = orZero(s.metrics().numberOrNull(Metric.SERVER_TIMING_MS));
        double client = orZero(s.metrics().numberOrNull(Metric.TASK_MS));
        if (!critical.isEmpty()) {
            double rtt = 0;
            double transfer = 0;
            int setUpRoundTrips = 0;
            double setUpMs = 0;
            for (ObservedRequest r : critical) {
                LinkSettings link = profile.link(r.link());
                if (link == null) {
                    continue;
                }
                rtt += link.rttMs();
                if (link.downBitsPerSecond() > 0 && r.bytes() != null) {
                    transfer += r.bytes() * 8_000.0 / link.downBitsPerSecond();
                }
                int setUp = ConnectionSetUp.setUpRoundTrips(r);
                setUpRoundTrips += setUp;
                setUpMs += setUp * link.rttMs();
            }
            // Set-up is counted only when every critical request says how it used its connection: a partial sum
            // would pass for a measured one.
            boolean setUpMeasured = critical.stream().allMatch(ObservedRequest::connectionMeasured);
            return Optional.of(new ExpectedTime(
                    critical.size(),
                    rtt,
                    setUpMeasured ? setUpRoundTrips : null,
                    setUpMeasured ? setUpMs : 0,
                    transfer,
                    server,
                    client,
                    measured,
                    false));
        }
        if (depth == null || profile.browserApp() == null) {
            return Optional.empty();
        }
        return Optional.of(new ExpectedTime(
                depth, depth * profile.browserApp().rttMs(), null, 0, 0, server, client, measured, true));
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
