package io.authbench.reports.stats;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.Flows;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.reports.results.Quantiles;
import io.authbench.reports.results.Sample;
import java.util.List;

/**
 * The Caching claim ("SSR is easier to cache at the server or a CDN"), measured as what it says: for one signed-in
 * page view with a cold browser cache (the {@value #FLOW} flow), which part of the traffic a shared cache (a CDN in
 * front of the app) may serve to every user, and how many requests must still reach an origin for each user.
 *
 * <p>A response is <b>CDN-servable</b> when its {@code Cache-Control} lets a shared cache store it and reuse it without
 * asking the origin ({@link Cacheability#SHARED}: {@code public}, {@code s-maxage} or {@code max-age} without
 * {@code private}, {@code no-store}, {@code no-cache} or {@code max-age=0}). Every other browser request must reach an
 * origin per user: per-user or uncacheable responses, responses a cache must revalidate on every use, responses
 * without {@code Cache-Control}, and CORS preflights. Requests the app makes to Appwrite are not counted (they are
 * behind the app, not between the user and it). Per variant, the figures are medians over the flow's ok samples.
 *
 * <p>Rule: <i>confirmed</i> when SSR has the larger CDN-servable share of the bytes <b>and</b> needs no more
 * origin requests per view than CSR; <i>refuted</i> when CSR has the larger share and needs no more origin requests;
 * <i>partly confirmed</i> when each is ahead on one of the two. {@code results.json} records each response's
 * {@code Cache-Control} but not its {@code Set-Cookie} or {@code Vary}, which a CDN also honours; the row says so.
 */
public final class SharedCaching {
    /** The flow that is one signed-in page view with nothing cached in the browser. */
    static final String FLOW = Flows.REVISIT_COLD;

    static final String TOPIC = "Caching";
    static final String CLAIM = "SSR is easier to cache (server or CDN); CSR caching needs more sophisticated setups";
    static final String MEASUREMENT = "one signed-in page view (" + FLOW + "): bytes and requests a CDN may serve"
            + " (Cache-Control public / s-maxage / max-age) vs requests that must reach an origin per user";

    static final String RULE = "confirmed when SSR has the larger CDN-servable share of the bytes of a " + FLOW
            + " view and needs no more origin requests per user; refuted when CSR has both; partly confirmed when each"
            + " is ahead on one; not measured when the flow did not run with per-request data for both variants."
            + " Judged from Cache-Control only: Set-Cookie and Vary, which a CDN also honours, are not recorded";

    private SharedCaching() {}

    /**
     * @param cdnBytes       median bytes a CDN may serve per view
     * @param totalBytes     median bytes per view
     * @param originRequests median requests that must reach an origin per view
     * @param totalRequests  median requests per view
     * @param samples        ok samples of the flow with a request list
     */
    record View(double cdnBytes, double totalBytes, double originRequests, double totalRequests, int samples) {
        double cdnShare() {
            return totalBytes == 0 ? 0 : cdnBytes / totalBytes;
        }

        String text() {
            return samples == 0
                    ? "not measured"
                    : "a CDN may serve " + Format.bytes(cdnBytes) + " of " + Format.bytes(totalBytes)
                            + " (" + Verdict.pct(cdnShare()) + " %); " + Format.count(originRequests) + " of "
                            + Format.count(totalRequests) + " requests must reach an origin per user";
        }
    }

    /**
     * @param measured the run's measured ok samples
     * @param first    the variant the claim favours (SSR)
     * @param second   the other (CSR)
     */
    public static ClaimRow row(List<Sample> measured, String first, String second) {
        View a = view(measured, first);
        View b = view(measured, second);
        if (a.samples == 0 || b.samples == 0) {
            return new ClaimRow(
                    TOPIC,
                    CLAIM,
                    MEASUREMENT,
                    a.text(),
                    b.text(),
                    ClaimVerdict.NOT_MEASURED,
                    "the " + FLOW + " flow did not run with per-request data for both variants",
                    RULE);
        }
        boolean firstShare = a.cdnShare() > b.cdnShare();
        boolean secondShare = b.cdnShare() > a.cdnShare();
        ClaimVerdict verdict;
        String why;
        if (firstShare && a.originRequests <= b.originRequests) {
            verdict = ClaimVerdict.CONFIRMED;
            why = "a CDN may serve more of SSR's page view, and SSR needs no more origin requests per user";
        } else if (secondShare && b.originRequests <= a.originRequests) {
            verdict = ClaimVerdict.REFUTED;
            why = "a CDN may serve more of CSR's page view (its static bundle), and CSR needs no more origin requests"
                    + " per user";
        } else {
            verdict = ClaimVerdict.PARTLY_CONFIRMED;
            why = (secondShare
                            ? "a CDN may serve more of CSR's bytes (its static bundle)"
                            : firstShare
                                    ? "a CDN may serve more of SSR's bytes"
                                    : "a CDN may serve the same share of both")
                    + ", while " + (a.originRequests < b.originRequests ? "SSR" : "CSR")
                    + " needs fewer requests to reach an origin per user ("
                    + Format.count(Math.min(a.originRequests, b.originRequests)) + " vs "
                    + Format.count(Math.max(a.originRequests, b.originRequests)) + ")";
        }
        return new ClaimRow(TOPIC, CLAIM, MEASUREMENT, a.text(), b.text(), verdict, why, RULE);
    }

    static View view(List<Sample> measured, String variant) {
        List<Sample> views = measured.stream()
                .filter(Sample::ok)
                .filter(s -> s.variant().equals(variant)
                        && s.flow().equals(FLOW)
                        && !s.requests().isEmpty())
                .toList();
        int n = views.size();
        double[] cdnBytes = new double[n];
        double[] totalBytes = new double[n];
        double[] origin = new double[n];
        double[] total = new double[n];
        for (int i = 0; i < n; i++) {
            for (ObservedRequest r : views.get(i).requests()) {
                if (r.link() == NetworkLink.APP_APPWRITE || r.fromCache()) {
                    continue;
                }
                long bytes = r.bytes() == null ? 0 : r.bytes();
                total[i]++;
                totalBytes[i] += bytes;
                if (cdnServable(r)) {
                    cdnBytes[i] += bytes;
                } else {
                    origin[i]++;
                }
            }
        }
        return n == 0
                ? new View(0, 0, 0, 0, 0)
                : new View(
                        Quantiles.median(cdnBytes),
                        Quantiles.median(totalBytes),
                        Quantiles.median(origin),
                        Quantiles.median(total),
                        n);
    }

    /** A successful GET whose Cache-Control lets a shared cache serve it to every user. */
    static boolean cdnServable(ObservedRequest r) {
        return !r.preflight()
                && "GET".equals(r.method())
                && r.status() != null
                && r.status() == 200
                && Cacheability.of(r.cacheControl()) == Cacheability.SHARED;
    }
}
