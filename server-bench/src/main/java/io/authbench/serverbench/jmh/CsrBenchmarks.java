package io.authbench.serverbench.jmh;

import java.net.http.HttpRequest;
import org.openjdk.jmh.annotations.Benchmark;

/** csr-app's static files as a first visit fetches them, asking for compression as a browser does. */
@ServerUnderTest(app = ServerUnderTest.App.CSR)
public class CsrBenchmarks {
    /** {@code GET /} for HTML: {@code index.html} with its runtime config. */
    @Benchmark
    public int indexHtml(HttpTargets t) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(t.csrIndex)
                .timeout(HttpTargets.TIMEOUT)
                .GET()
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Encoding", "gzip, deflate, br")
                .build();
        return t.send(request, 200);
    }

    /** The hashed main bundle (the Appwrite Web SDK inside), gzipped when asked. */
    @Benchmark
    public int mainBundle(HttpTargets t) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(t.csrScript)
                .timeout(HttpTargets.TIMEOUT)
                .GET()
                .header("Accept", "*/*")
                .header("Accept-Encoding", "gzip, deflate, br")
                .build();
        return t.send(request, 200);
    }
}
