package io.authbench.serverbench.jmh;

import java.net.URI;
import java.net.http.HttpRequest;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * What the Next.js CSR app ({@code nextjs/csr}, {@code next start}) serves a page view, the counterpart of
 * {@link CsrBenchmarks}: the document, which this app renders on the server for every request (its page frame with the
 * runtime config and the CSP nonce; it never calls Appwrite), and the script chunks a first visit loads.
 */
@ServerUnderTest(app = ServerUnderTest.App.NEXT_CSR)
public class NextCsrBenchmarks {
    /** {@code GET /dashboard} for HTML (what csr-app's {@code indexHtml} is for csr-app), compression asked for. */
    @Benchmark
    public int dashboardHtml(HttpTargets t) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(HttpTargets.require(t.nextCsrDashboard, "next-csr"))
                .timeout(HttpTargets.TIMEOUT)
                .GET()
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Encoding", "gzip, deflate, br")
                .build();
        return t.send(request, 200);
    }

    /**
     * Every hashed script chunk {@code /dashboard} names, one after the other, compression asked for: one operation is
     * the scripts of one first visit (csr-app has one bundle, {@code mainBundle}; Next.js splits its runtime, React
     * and the page into several chunks).
     */
    @Benchmark
    public int scripts(HttpTargets t) throws Exception {
        int bytes = 0;
        for (URI script : HttpTargets.require(t.nextCsrScripts, "next-csr")) {
            HttpRequest request = HttpRequest.newBuilder(script)
                    .timeout(HttpTargets.TIMEOUT)
                    .GET()
                    .header("Accept", "*/*")
                    .header("Accept-Encoding", "gzip, deflate, br")
                    .build();
            bytes += t.send(request, 200);
        }
        return bytes;
    }
}
