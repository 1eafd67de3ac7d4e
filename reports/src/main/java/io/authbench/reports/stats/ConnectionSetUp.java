package io.authbench.reports.stats;

import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.reports.results.Quantiles;
import io.authbench.reports.results.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Connection set-up on one browser link for one flow × profile × variant: per sample, how many of its requests
 * waited for a new TCP connection, how many of those also waited for a TLS handshake, how many went out on a
 * connection already open; then the median of each count over the samples. Cache hits use no connection and are left
 * out. Only samples whose requests say how they used their connection count ({@link ObservedRequest#newConnection()}
 * recorded); a run written before that was recorded has no rows, which the report shows as not measured.
 *
 * @param link           the browser link ({@link NetworkLink#BROWSER_APP} or {@link NetworkLink#BROWSER_APPWRITE})
 * @param samples        samples counted (ok, not warm-up, with connection details)
 * @param newConnections median count of requests that waited for a new TCP connection
 * @param tlsHandshakes  median count of those that also waited for a TLS handshake
 * @param reused         median count of requests on a connection that was already open
 * @param protocols      the application protocols seen on this link across the samples, sorted
 * @param tlsVersions    the TLS versions seen on this link across the samples, sorted; empty for plain HTTP
 */
public record ConnectionSetUp(
        NetworkLink link,
        int samples,
        double newConnections,
        double tlsHandshakes,
        double reused,
        List<String> protocols,
        List<String> tlsVersions) {

    private static final List<NetworkLink> BROWSER_LINKS =
            List.of(NetworkLink.BROWSER_APP, NetworkLink.BROWSER_APPWRITE);

    public ConnectionSetUp {
        protocols = List.copyOf(protocols);
        tlsVersions = List.copyOf(tlsVersions);
    }

    /**
     * One entry per browser link that carried a measured request in any of {@code cell}'s counted samples, in link
     * order; empty when no sample recorded connection details. A counted sample without requests on a link counts 0
     * there.
     */
    public static List<ConnectionSetUp> of(List<Sample> cell) {
        List<Sample> measured = cell.stream()
                .filter(s -> s.ok() && !s.warmup())
                .filter(s -> s.requests().stream().anyMatch(ConnectionSetUp::counts))
                .toList();
        List<ConnectionSetUp> out = new ArrayList<>();
        for (NetworkLink link : BROWSER_LINKS) {
            double[] fresh = new double[measured.size()];
            double[] tls = new double[measured.size()];
            double[] reused = new double[measured.size()];
            TreeSet<String> protocols = new TreeSet<>();
            TreeSet<String> versions = new TreeSet<>();
            boolean seen = false;
            for (int i = 0; i < measured.size(); i++) {
                for (ObservedRequest r : measured.get(i).requests()) {
                    if (r.link() != link || !counts(r)) {
                        continue;
                    }
                    seen = true;
                    if (r.newConnection()) {
                        fresh[i]++;
                    } else {
                        reused[i]++;
                    }
                    if (r.tlsHandshake()) {
                        tls[i]++;
                    }
                    if (r.protocol() != null) {
                        protocols.add(r.protocol());
                    }
                    if (r.tlsVersion() != null) {
                        versions.add(r.tlsVersion());
                    }
                }
            }
            if (seen) {
                out.add(new ConnectionSetUp(
                        link,
                        measured.size(),
                        median(fresh),
                        median(tls),
                        median(reused),
                        List.copyOf(protocols),
                        List.copyOf(versions)));
            }
        }
        return out;
    }

    /**
     * Round trips a request waited for before it could be sent: 1 for a new TCP connection (the SYN/SYN-ACK before
     * the first byte), plus the TLS handshake's: 1 for TLS 1.3, 2 for TLS 1.2 and older. 0 on a reused connection
     * and when not measured (null {@code newConnection}).
     */
    public static int setUpRoundTrips(ObservedRequest r) {
        if (!Boolean.TRUE.equals(r.newConnection()) || r.fromCache()) {
            return 0;
        }
        if (!r.tlsHandshake()) {
            return 1;
        }
        return Objects.equals(r.tlsVersion(), "TLS 1.3") ? 2 : 3;
    }

    /** A browser request that went to the network and says how it used its connection. */
    static boolean counts(ObservedRequest r) {
        return r.link() != NetworkLink.APP_APPWRITE && !r.fromCache() && r.connectionMeasured();
    }

    private static double median(double[] counts) {
        Double m = Quantiles.median(counts);
        return m == null ? 0 : m;
    }
}
