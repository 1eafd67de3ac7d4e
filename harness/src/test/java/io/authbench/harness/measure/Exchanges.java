package io.authbench.harness.measure;

import io.authbench.harness.browser.Exchange;
import io.authbench.harness.browser.ServerTiming;
import java.util.List;
import java.util.Set;

/** Builds exchanges for tests; times are epoch ms. */
final class Exchanges {
    private Exchanges() {}

    static Exchange app(String method, String path, double start, double end, long bytes, ServerTiming... timings) {
        return new Exchange(
                "http://localhost:4000" + path,
                method,
                "Document",
                false,
                false,
                false,
                start,
                end,
                200,
                bytes,
                null,
                List.of(timings),
                false);
    }

    static Exchange appwrite(String method, String path, double start, double end, long bytes) {
        return new Exchange(
                "http://localhost:5000" + path,
                method,
                "Fetch",
                false,
                false,
                false,
                start,
                end,
                200,
                bytes,
                "no-cache, no-store, must-revalidate",
                List.of(),
                false);
    }

    static Exchange preflight(String path, double start, double end) {
        return new Exchange(
                "http://localhost:5000" + path,
                "OPTIONS",
                "Preflight",
                true,
                false,
                false,
                start,
                end,
                204,
                0,
                null,
                List.of(),
                false);
    }

    static Exchange cached(String path, double start) {
        return new Exchange(
                "http://localhost:4000" + path,
                "GET",
                "Script",
                false,
                false,
                true,
                start,
                start + 1,
                200,
                0,
                "public, max-age=31536000, immutable",
                List.of(),
                false);
    }

    static Destinations destinations() {
        return new Destinations(Set.of(4000), Set.of(5000));
    }
}
