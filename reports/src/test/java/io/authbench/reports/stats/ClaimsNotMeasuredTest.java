package io.authbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.results.Environment;
import io.authbench.reports.results.LinkSettings;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import io.authbench.reports.writer.ConsoleSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A no-js sample that could not judge whether the name is in the HTML (contentWithoutJs absent, the reason in its
 * checks) must never let the SEO or Rendering-location claims give a verdict: "not measured" beats a wrong answer.
 */
class ClaimsNotMeasuredTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String REASON = "the page's HTML contains the user's name but the userName element"
            + " (h1.greeting) shows 'Welcome back, Ada!', which the name match (exact) does not accept";

    @Test
    void no_js_samples_that_were_not_measured_give_not_measured_claims_not_refuted() {
        List<Sample> samples = new ArrayList<>();
        // SSR: one judged (false), two not judged; CSR: all judged false. Counting only the judged ones would say
        // "missing from SSR's HTML": refuted.
        samples.add(noJs("ssr", 0, false));
        samples.add(noJs("ssr", 1, null));
        samples.add(noJs("ssr", 2, null));
        for (int pair = 0; pair < 3; pair++) {
            samples.add(noJs("csr", pair, false));
        }
        ReportModel model = ReportModel.of(results(samples), null, null);

        assertThat(claim(model, "SEO").verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(claim(model, "Rendering location").verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(claim(model, "SEO").why())
                .contains("SSR: 2 of 3 no-js samples could not be judged")
                .contains(REASON);
        String console = ConsoleSummary.text(model);
        assertThat(console)
                .containsPattern("claim SEO:\\s+not measured")
                .containsPattern("claim Rendering location:\\s+not measured")
                .doesNotContain("refuted");
    }

    @Test
    void no_js_samples_none_of_which_was_measured_print_not_measured() {
        List<Sample> samples = new ArrayList<>();
        for (int pair = 0; pair < 2; pair++) {
            samples.add(noJs("ssr", pair, null));
            samples.add(noJs("csr", pair, false));
        }
        ReportModel model = ReportModel.of(results(samples), null, null);
        assertThat(ConsoleSummary.text(model))
                .containsPattern("claim SEO:\\s+not measured\\n")
                .containsPattern("claim Rendering location:\\s+not measured\\n");
    }

    @Test
    void judged_samples_still_give_a_verdict() {
        List<Sample> samples = new ArrayList<>();
        for (int pair = 0; pair < 2; pair++) {
            samples.add(noJs("ssr", pair, true));
            samples.add(noJs("csr", pair, false));
        }
        ReportModel model = ReportModel.of(results(samples), null, null);
        assertThat(claim(model, "SEO").verdict()).isEqualTo(ClaimVerdict.CONFIRMED);
    }

    private static ClaimRow claim(ReportModel model, String topic) {
        return model.claims().stream()
                .filter(c -> c.topic().equals(topic))
                .findFirst()
                .orElseThrow();
    }

    /** {@code contentWithoutJs} null: not judged, with the reason recorded as the harness records it. */
    private static Sample noJs(String variant, int pair, Boolean contentWithoutJs) {
        Metrics.Builder metrics = Metrics.builder().set(Metric.REQUESTS, 1);
        if (contentWithoutJs != null) {
            metrics.set(Metric.CONTENT_WITHOUT_JS, contentWithoutJs);
        }
        Sample sample = Sample.ok(
                "no-js",
                variant,
                "loopback",
                pair,
                variant.equals("ssr") ? 0 : 1,
                T0.plusSeconds(pair),
                metrics.build(),
                List.of());
        return contentWithoutJs != null
                ? sample
                : sample.withChecks(Map.of(Metric.CONTENT_WITHOUT_JS.key(), "not measured: " + REASON));
    }

    private static RunResults results(List<Sample> samples) {
        LinkSettings none = new LinkSettings(0, 0, 0);
        Run run = new Run(
                "20261201T080000Z",
                RunStatus.COMPLETE,
                null,
                T0,
                T0.plusSeconds(60),
                42L,
                true,
                new RunConfig(List.of("no-js"), List.of("loopback"), 3, 0, null, Map.of(), Map.of()));
        Environment environment = new Environment(
                "Test CPU",
                2,
                8L << 30,
                "Linux",
                "OpenJDK 17",
                "156",
                "1.62.0",
                Map.of(),
                "abc1234",
                Environment.EMULATOR,
                "1.6.0");
        return RunResults.start(
                        run, environment, List.of(new ProfileInfo("loopback", "no added delay", none, none, none, 1.0)))
                .withSamples(samples);
    }
}
