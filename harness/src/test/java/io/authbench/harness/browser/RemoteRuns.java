package io.authbench.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.HarnessMain;
import io.authbench.harness.ServerJars;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Sample;
import io.authbench.support.process.TestClasspath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A one-pair login run with a remote browser, and the checks every remote-browser test shares. */
final class RemoteRuns {
    /** What the browser measures through CDP and the page, which a remote browser must still deliver. */
    static final Set<Metric> BROWSER_METRICS = EnumSet.of(
            Metric.TIME_TO_CONTENT_MS,
            Metric.REQUESTS,
            Metric.BYTES,
            Metric.REQUESTS_APP,
            Metric.BYTES_APP,
            Metric.REQUESTS_APPWRITE,
            Metric.BYTES_APPWRITE,
            Metric.PREFLIGHTS,
            Metric.REDIRECTS,
            Metric.APPWRITE_CALLS_BROWSER,
            Metric.APPWRITE_CALLS_SERVER,
            Metric.CRITICAL_PATH_DEPTH,
            Metric.SCRIPT_MS,
            Metric.TASK_MS,
            Metric.CACHEABLE_RESPONSES);

    record Outcome(int code, String stdout, String stderr) {
        String describe() {
            return "exit " + code + "; stdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private RemoteRuns() {}

    /** {@code authbench run} of one login pair on loopback, server phase off, plus {@code extra} options. */
    static Outcome loginPair(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--flows=login",
                "--profiles=loopback",
                "--pairs=1",
                "--warmup-pairs=0",
                "--aa-flow=none",
                "--server-phase=off",
                "--out=" + out,
                "--emulator-jar=" + ServerJars.emulator(),
                "--ssr-jar=" + ServerJars.ssr(),
                "--csr-jar=" + ServerJars.csr()));
        args.addAll(List.of(extra));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = HarnessMain.run(args.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));
        return new Outcome(code, stdout.toString(), stderr.toString());
    }

    /**
     * As {@link #loginPair}, but {@code authbench run} runs in a child JVM, as a user runs it. Needed for a Selenium
     * Grid: Playwright for Java gives its driver the environment of the first Playwright of a JVM, so
     * {@code SELENIUM_REMOTE_URL} cannot be set in a test JVM that already created one.
     */
    static Outcome loginPairInChildJvm(Path out, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                TestClasspath.current(),
                "io.authbench.harness.HarnessMain",
                "run",
                "--flows=login",
                "--profiles=loopback",
                "--pairs=1",
                "--warmup-pairs=0",
                "--aa-flow=none",
                "--server-phase=off",
                "--out=" + out,
                "--emulator-jar=" + ServerJars.emulator(),
                "--ssr-jar=" + ServerJars.ssr(),
                "--csr-jar=" + ServerJars.csr()));
        command.addAll(List.of(extra));
        Files.createDirectories(out);
        Path stdout = out.resolve("cli.stdout.txt");
        Path stderr = out.resolve("cli.stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                throw new AssertionError("authbench run did not end within 5 minutes");
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        return new Outcome(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
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
            assertThat(sample.ok())
                    .as("%s failed: %s", sample.variant(), sample.failure())
                    .isTrue();
            assertThat(sample.metrics().asMap().keySet()).as(sample.variant()).containsAll(BROWSER_METRICS);
            assertThat(sample.metrics().number(Metric.TIME_TO_CONTENT_MS).getAsDouble())
                    .isPositive();
            assertThat(sample.requests()).isNotEmpty();
        }
        Sample ssr = samples.stream()
                .filter(s -> s.variant().equals("ssr"))
                .findFirst()
                .orElseThrow();
        Sample csr = samples.stream()
                .filter(s -> s.variant().equals("csr"))
                .findFirst()
                .orElseThrow();
        assertThat(ssr.metrics().number(Metric.APPWRITE_CALLS_BROWSER)).hasValue(0.0);
        assertThat(ssr.metrics().number(Metric.REDIRECTS)).hasValue(1.0);
        assertThat(csr.metrics().number(Metric.APPWRITE_CALLS_BROWSER).getAsDouble())
                .isGreaterThanOrEqualTo(2);
        assertThat(csr.metrics().number(Metric.PREFLIGHTS).getAsDouble())
                .as("CDP sees CORS preflights")
                .isPositive();
        // The only profile is the slowest, so its login pair was screencast (CDP Page.startScreencast) and kept.
        for (Sample sample : samples) {
            assertThat(sample.screenshots())
                    .as("%s filmstrip frames", sample.variant())
                    .hasSizeGreaterThanOrEqualTo(2);
        }
        return results;
    }
}
