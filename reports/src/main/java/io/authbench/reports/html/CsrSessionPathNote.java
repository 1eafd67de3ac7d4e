package io.authbench.reports.html;

import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Variants;
import io.authbench.reports.stats.ReportModel;

/**
 * Which way the CSR sessions of this run reached the browser: only Appwrite's HttpOnly cookie, or also the
 * {@code X-Fallback-Cookies} copy that the Web SDK keeps in {@code localStorage.cookieFallback}, readable by any
 * script on the page. Appwrite sends the fallback whenever it cannot verify that the app and the API share a domain
 * (always on {@code localhost}); the two paths differ in exposure, not in the measured flow.
 */
final class CsrSessionPathNote {
    private CsrSessionPathNote() {}

    static String html(ReportModel model) {
        long cookie = 0;
        long fallback = 0;
        long unknown = 0;
        for (Sample s : model.results().samples()) {
            if (!s.ok() || s.warmup() || !Variants.CSR.equals(s.variant())) {
                continue;
            }
            if (Sample.COOKIE_PATH.equals(s.csrSessionPath())) {
                cookie++;
            } else if (Sample.FALLBACK_PATH.equals(s.csrSessionPath())) {
                fallback++;
            } else {
                unknown++;
            }
        }
        if (cookie + fallback == 0) {
            return "<p class=\"empty\">Not recorded" + (unknown > 0 ? " (this results file predates the field)" : "")
                    + ": which path CSR's sessions took is unknown.</p>";
        }
        String summary = cookie > 0 && fallback > 0
                ? "both paths"
                : fallback > 0 ? "the <b>fallback</b> path" : "the <b>cookie-only</b> path";
        return """
                <p>CSR was measured on %s: %d measured CSR samples held the session only in Appwrite's HttpOnly \
                cookie, %d also in <code>localStorage.cookieFallback</code> (Appwrite sent <code>X-Fallback-Cookies</code> \
                because it could not verify that the app and the API share a domain, as on <code>localhost</code>), \
                where any script on the page can read it%s. The requests are the same (on the fallback path each Appwrite \
                call also carries the <code>X-Fallback-Cookies</code> header); the paths differ in what a script \
                injected into the page could take. <code>--sites=same</code> (app and Appwrite on one site) measures the \
                cookie-only path, <code>--sites=cross</code> (Appwrite on a site of its own) the fallback path.</p>
                """.formatted(summary, cookie, fallback, unknown > 0 ? "; " + unknown + " did not record it" : "");
    }
}
