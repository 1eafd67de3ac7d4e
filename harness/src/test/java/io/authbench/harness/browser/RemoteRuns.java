package io.authbench.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A one-pair login run with a remote browser, and the checks every remote-browser test shares. */
final class RemoteRuns {
    /** What the browser measures through CDP and the page, which a remote browser must still deliver. */
    static final Set<Metric> BROWSER_METRICS = EnumSet.of(Metric.TIME_TO_CONTENT_MS, Metric.REQUESTS, Metric.BYTES,
            Metric.REQUESTS_APP, Metric.BYTES_APP, Metric.REQUESTS_APPWRITE, Metric.BYTES_APPWRITE, Metric.PREFLIGHTS,
            Metric.REDIRECTS, Metric.APPWRITE_CALLS_BROWSER, Metric.APPWRITE_CALLS_SERVER, Metric.CRITICAL_PATH_DEPTH,
            Metric.SCRIPT_MS, Metric.TASK_MS, Metric.CACHEABLE_RESPONSES);

    record Outcome(int code, String stdout, String stderr) {
        String describe() {
            return "exit " + code + "; stdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private RemoteRuns() {
    }

    /** {@code authbench run} of one login pair on loopback, server phase off, plus {@code extra} options. */
    static Outcome loginPair(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--flows=login", "--profiles=loopback", "--pairs=1",
                "--warmup-pairs=0", "--aa-flow=none", "--server-phase=off", "--out=" + out,
                "--emulator-jar=" + ServerJars.emulator(), "--ssr-jar=" + ServerJars.ssr(), "--csr-jar=" + ServerJars.csr()));
        args.addAll(List.of(extra));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = HarnessMain.run(args.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));
        return new Outcome(code, stdout.toString(), stderr.toString());
    }

    /** Both variants measured, every browser-side metric present, and the patterns' defining difference counted. */
    static RunResults assertBothVariantsMeasured(Path out, Outcome outcome) throws Exception {
        assertThat(outcome.code()).as(outcome.describe()).isZero();
        RunResults results = ResultsJson.read(out.resolve("results.json"));
        assertThat(results.run().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(results.environment().chromium()).isNotBlank();
        List<Sample> samples = results.samples();
        assertThat(samples).extracting(Sample::variant).containsExactlyInAnyOrder("ssr", "csr");
        for (Sample sample : samples) {
            assertThat(sample.ok()).as("%s failed: %s", sample.variant(), sample.failure()).isTrue();
            assertThat(sample.metrics().asMap().keySet()).as(sample.variant()).containsAll(BROWSER_METRICS);
            assertThat(sample.metrics().number(Metric.TIME_TO_CONTENT_MS).getAsDouble()).isPositive();
            assertThat(sample.requests()).isNotEmpty();
        }
        Sample ssr = samples.stream().filter(s -> s.variant().equals("ssr")).findFirst().orElseThrow();
        Sample csr = samples.stream().filter(s -> s.variant().equals("csr")).findFirst().orElseThrow();
        assertThat(ssr.metrics().number(Metric.APPWRITE_CALLS_BROWSER)).hasValue(0.0);
        assertThat(ssr.metrics().number(Metric.REDIRECTS)).hasValue(1.0);
        assertThat(csr.metrics().number(Metric.APPWRITE_CALLS_BROWSER).getAsDouble()).isGreaterThanOrEqualTo(2);
        assertThat(csr.metrics().number(Metric.PREFLIGHTS).getAsDouble()).as("CDP sees CORS preflights").isPositive();
        // The only profile is the slowest, so its login pair was screencast (CDP Page.startScreencast) and kept.
        for (Sample sample : samples) {
            assertThat(sample.screenshots()).as("%s filmstrip frames", sample.variant()).hasSizeGreaterThanOrEqualTo(2);
        }
        return results;
    }
}
