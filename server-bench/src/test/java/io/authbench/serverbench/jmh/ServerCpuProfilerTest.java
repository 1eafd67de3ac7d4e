package io.authbench.serverbench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.support.process.ProcessCpu;
import io.authbench.support.process.TestClasspath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

class ServerCpuProfilerTest {
    private static final long OPS = 100;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws Exception {
        for (Process child : children) {
            child.destroyForcibly().waitFor();
        }
        System.clearProperty(ServerCpuProfiler.PIDS_PROPERTY);
    }

    @Test
    void a_busy_app_process_shows_cpu_per_operation_and_an_idle_appwrite_about_none() throws Exception {
        Process busy = start("busy");
        Process idle = start("idle");
        System.setProperty(ServerCpuProfiler.PIDS_PROPERTY, "ssr=" + busy.pid() + ",appwrite=" + idle.pid());
        BenchmarkParams params = params("io.authbench.serverbench.jmh.SsrBenchmarks.dashboard");
        ServerCpuProfiler profiler = new ServerCpuProfiler();

        profiler.beforeIteration(params, params.getMeasurement());
        // "The iteration": wait until the busy child has burnt 500 ms of CPU (however long a shared machine takes).
        ProcessCpu busyCpu = ProcessCpu.of(busy.pid());
        Duration start = busyCpu.total();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (busyCpu.total().minus(start).toMillis() < 500 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Map<String, Double> results = scores(profiler.afterIteration(
                params,
                params.getMeasurement(),
                new IterationResult(params, params.getMeasurement(), new IterationResultMetaData(OPS, OPS))));

        assertThat(results)
                .containsOnlyKeys(
                        ServerCpuProfiler.APP,
                        ServerCpuProfiler.APPWRITE,
                        ServerCpuProfiler.APP_JIT,
                        ServerCpuProfiler.APPWRITE_JIT,
                        ServerCpuProfiler.CLIENT);
        // The spinner's loop is compiled within milliseconds: its CPU is request CPU, not JIT.
        assertThat(results.get(ServerCpuProfiler.APP)).isGreaterThanOrEqualTo(400.0 / OPS);
        assertThat(results.get(ServerCpuProfiler.APP) + results.get(ServerCpuProfiler.APP_JIT))
                .isGreaterThanOrEqualTo(500.0 / OPS);
        assertThat(results.get(ServerCpuProfiler.APPWRITE) + results.get(ServerCpuProfiler.APPWRITE_JIT))
                .isLessThan(100.0 / OPS);
    }

    @Test
    void the_sdk_benchmarks_charge_no_app_and_csr_benchmarks_charge_csr_app() {
        Map<String, Long> pids = ServerCpuProfiler.parsePids("appwrite=10, ssr=11,csr=12,bogus=x");

        assertThat(pids).containsOnlyKeys("appwrite", "ssr", "csr");
        assertThat(ServerCpuProfiler.appProcess("io.authbench.serverbench.jmh.AppwriteSdkBenchmarks.accountGet", pids))
                .isEmpty();
        assertThat(ServerCpuProfiler.appProcess("io.authbench.serverbench.jmh.CsrBenchmarks.indexHtml", pids))
                .hasValue(12);
        assertThat(ServerCpuProfiler.appProcess("io.authbench.serverbench.jmh.SsrBenchmarks.login", pids))
                .hasValue(11);
        assertThat(ServerCpuProfiler.pidsValue(OptionalLong.of(1), OptionalLong.empty(), OptionalLong.of(3)))
                .isEqualTo("appwrite=1,csr=3");
    }

    @Test
    void without_pids_no_server_figure_is_reported_rather_than_zero() {
        BenchmarkParams params = params("io.authbench.serverbench.jmh.SsrBenchmarks.dashboard");
        ServerCpuProfiler profiler = new ServerCpuProfiler();
        profiler.beforeIteration(params, params.getMeasurement());

        assertThat(scores(profiler.afterIteration(
                        params,
                        params.getMeasurement(),
                        new IterationResult(params, params.getMeasurement(), new IterationResultMetaData(OPS, OPS)))))
                .as("only the benchmark JVM's own CPU")
                .containsOnlyKeys(ServerCpuProfiler.CLIENT);
    }

    private Process start(String mode) throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx32m",
                        "-cp",
                        TestClasspath.current(),
                        Spinner.class.getName(),
                        mode)
                .start();
        children.add(child);
        assertThat(new BufferedReader(new InputStreamReader(child.getInputStream())).readLine())
                .isEqualTo("ready");
        return child;
    }

    private static Map<String, Double> scores(Collection<? extends Result> results) {
        return results.stream().collect(Collectors.toMap(Result::getLabel, Result::getScore));
    }

    private static BenchmarkParams params(String benchmark) {
        IterationParams iteration = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.seconds(1), 1);
        return new BenchmarkParams(
                benchmark,
                benchmark + "_generated",
                false,
                1,
                new int[] {1},
                List.of(),
                1,
                0,
                iteration,
                iteration,
                Mode.Throughput,
                new WorkloadParams(),
                TimeUnit.MILLISECONDS,
                1,
                "java",
                List.of(),
                "17",
                "OpenJDK",
                "17",
                "1.37",
                TimeValue.minutes(1));
    }
}
