package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.results.Environment;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedCachingTest {
    private static final String NO_STORE = "no-store";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static ObservedRequest app(String path, int status, long bytes, String cacheControl) {
        return new ObservedRequest(
                NetworkLink.BROWSER_APP,
                "GET",
                path,
                null,
                "Document",
                status,
                0,
                10.0,
                bytes,
                false,
                false,
                cacheControl,
                null,
                true);
    }

    private static ObservedRequest appwrite(String path, long bytes) {
        return new ObservedRequest(
                NetworkLink.BROWSER_APPWRITE,
                "GET",
                path,
                null,
                "Fetch",
                200,
                0,
                10.0,
                bytes,
                false,
                false,
                null,
                null,
                true);
    }

    private static ObservedRequest preflight(String path) {
        return new ObservedRequest(
                NetworkLink.BROWSER_APPWRITE,
                "OPTIONS",
                path,
                null,
                "Preflight",
                204,
                0,
                5.0,
                0L,
                true,
                false,
                null,
                null,
                true);
    }

    private static ObservedRequest upstream() {
        return new ObservedRequest(
                NetworkLink.APP_APPWRITE,
                null,
                "aw-get-account",
                "aw-get-account",
                null,
                null,
                1,
                5.0,
                null,
                false,
                false,
                null,
                null,
                true);
    }

    /** What the two apps sent on this machine's quick run (revisit-cold, loopback), request for request. */
    private static final List<ObservedRequest> SSR_VIEW =
            List.of(app("/dashboard", 200, 1_316, NO_STORE), upstream(), app("/assets/app.css", 200, 2_020, IMMUTABLE));

    private static final List<ObservedRequest> CSR_VIEW = List.of(
            app("/assets/app-style.css", 200, 1_129, IMMUTABLE),
            app("/assets/app.js", 200, 10_704, IMMUTABLE),
            app("/dashboard", 200, 1_101, "no-cache"),
            preflight("/v1/account"),
            appwrite("/v1/account", 1_583));

    private static List<Sample> views(String flow, List<ObservedRequest> ssr, List<ObservedRequest> csr) {
        List<Sample> samples = new ArrayList<>();
        for (int pair = 0; pair < 3; pair++) {
            Metrics m = Metrics.builder().set(Metric.TIME_TO_CONTENT_MS, 100).build();
            samples.add(Sample.ok(flow, "ssr", "loopback", pair, 0, Instant.EPOCH, m, ssr));
            samples.add(Sample.ok(flow, "csr", "loopback", pair, 1, Instant.EPOCH, m, csr));
        }
        return samples;
    }

    @Test
    void the_apps_as_measured_are_partly_confirmed_with_the_figures_that_decide() {
        ClaimRow row = SharedCaching.row(views("revisit-cold", SSR_VIEW, CSR_VIEW), "ssr", "csr");

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.PARTLY_CONFIRMED);
        assertThat(row.ssr())
                .isEqualTo(
                        "a CDN may serve 2.0 kB of 3.3 kB (61 %); 1 of 2 requests must reach an origin" + " per user");
        assertThat(row.csr())
                .isEqualTo("a CDN may serve 11.6 kB of 14.2 kB (82 %); 3 of 5 requests must reach an"
                        + " origin per user");
        assertThat(row.why())
                .startsWith("a CDN may serve more of CSR's bytes (its static bundle), while SSR needs"
                        + " fewer requests to reach an origin per user (1 vs 3)");
        // The rule is the row's own field, shown next to the verdict, with the caveat of what is not recorded.
        assertThat(row.rule())
                .startsWith("confirmed when SSR has the larger CDN-servable share")
                .contains("Set-Cookie");
    }

    @Test
    void an_ssr_page_a_cdn_may_share_confirms_and_a_private_one_does_not() {
        var publicPage = List.of(
                app("/dashboard", 200, 1_316, "public, s-maxage=60"),
                upstream(),
                app("/assets/app.css", 200, 2_020, IMMUTABLE));
        assertThat(SharedCaching.row(views("revisit-cold", publicPage, CSR_VIEW), "ssr", "csr")
                        .verdict())
                .isEqualTo(ClaimVerdict.CONFIRMED);

        var privateOnly = List.of(
                app("/dashboard", 200, 1_316, NO_STORE), app("/assets/app.css", 200, 2_020, "private, max-age=3600"));
        var csrOneOrigin = List.of(
                app("/dashboard", 200, 1_101, "public, max-age=60"),
                app("/assets/app.js", 200, 10_704, IMMUTABLE),
                appwrite("/v1/account", 1_583));
        assertThat(SharedCaching.row(views("revisit-cold", privateOnly, csrOneOrigin), "ssr", "csr")
                        .verdict())
                .isEqualTo(ClaimVerdict.REFUTED);
    }

    /**
     * The old rule counted browser-reusable responses (private included) over every flow: an SSR stylesheet marked
     * private made the claim "confirmed" though a CDN could serve none of SSR's page and the CSR bundle it can.
     */
    @Test
    void browser_only_caching_does_not_count_for_the_cdn_claim() {
        var ssr =
                List.of(app("/dashboard", 200, 1_316, NO_STORE), app("/app.css", 200, 2_020, "private, max-age=3600"));
        var csr = List.of(
                app("/dashboard", 200, 1_101, "no-cache"),
                app("/app.js", 200, 10_704, IMMUTABLE),
                appwrite("/v1/account", 1_583));
        RunResults run = run(views("revisit-cold", ssr, csr));

        ClaimRow caching = Claims.of(run, Comparisons.of(run).ssrCsr()).get(6);

        assertThat(caching.topic()).isEqualTo("Caching");
        assertThat(caching.verdict()).isEqualTo(ClaimVerdict.REFUTED);
    }

    @Test
    void without_the_signed_in_page_view_flow_there_is_no_verdict() {
        ClaimRow row = SharedCaching.row(views("login", SSR_VIEW, CSR_VIEW), "ssr", "csr");

        assertThat(row.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(row.why()).contains("revisit-cold");
    }

    private static RunResults run(List<Sample> samples) {
        Run run = new Run(
                "caching",
                RunStatus.COMPLETE,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                1,
                false,
                new RunConfig(List.of("revisit-cold"), List.of("loopback"), 3, 0, "login", Map.of(), Map.of()));
        Environment env = new Environment(
                "model", 2, 1L << 30, "Linux", "17", "156", "1.62", Map.of(), "0", Environment.EMULATOR, "1.6.0");
        return RunResults.start(run, env, List.of()).withSamples(samples);
    }
}
