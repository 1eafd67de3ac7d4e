package io.authbench.serverbench.jmh;

import io.authbench.serverbench.stack.ServerCpu;
import io.authbench.support.process.ProcessCpu;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that adds the CPU time the <em>server</em> processes spent per benchmark operation, as secondary
 * results in JMH's own output and JSON, all in ms/op:
 * <ul>
 * <li>{@value #APP} and {@value #APPWRITE}: the app process the benchmark class names with {@link ServerUnderTest},
 *     and the Appwrite process, <em>without</em> their JIT compiler threads (see {@link ServerCpu}: a server still
 *     compiling a new code path charges that compilation to the few operations of a short iteration);</li>
 * <li>{@value #APP_JIT} and {@value #APPWRITE_JIT}: what their JIT compiler threads spent meanwhile (≈ 0 once a
 *     server is warm; a large value says the iteration measured a server still warming up);</li>
 * <li>{@value #CLIENT}: the benchmark JVM itself (the client: the HTTP client or the Appwrite SDK), whole process.</li>
 * </ul>
 *
 * <p>It reads the pids from the system property {@value #PIDS_PROPERTY} ({@code appwrite=<pid>,ssr=<pid>,csr=<pid>},
 * with the Next.js apps also {@code next-ssr=<pid>,next-csr=<pid>}: each server's whole process tree is counted;
 * a missing pid means "not measured", never 0), samples before and after every iteration ({@code /proc}, 10 ms
 * ticks) and divides by the iteration's operations. Use with {@code -prof} or
 * {@code OptionsBuilder.addProfiler(ServerCpuProfiler.class)}; the pids must reach the forks
 * ({@code jvmArgsAppend("-D" + PIDS_PROPERTY + "=...")}).
 */
public final class ServerCpuProfiler implements InternalProfiler {
    /** System property with the server pids. */
    public static final String PIDS_PROPERTY = "authbench.serverbench.pids";
    /** Secondary result: the app process's CPU per operation, JIT compilation excluded. */
    public static final String APP = "serverCpuApp";
    /** Secondary result: the Appwrite process's CPU per operation, JIT compilation excluded. */
    public static final String APPWRITE = "serverCpuAppwrite";
    /** Secondary result: the app's JIT compiler threads per operation. */
    public static final String APP_JIT = "serverJitApp";
    /** Secondary result: Appwrite's JIT compiler threads per operation. */
    public static final String APPWRITE_JIT = "serverJitAppwrite";
    /** Secondary result: the benchmark JVM's (the client's) CPU per operation. */
    public static final String CLIENT = "clientCpu";

    private ServerCpu app;
    private ServerCpu appwrite;
    private ServerCpu.Sample appBefore;
    private ServerCpu.Sample appwriteBefore;
    private final ProcessCpu client = ProcessCpu.of(ProcessHandle.current().pid());
    private long clientBefore;

    @Override
    public String getDescription() {
        return "CPU time of the app and Appwrite server processes per operation (ms/op, JIT compilation apart),"
                + " and of the benchmark JVM, from /proc";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        Map<String, Long> pids = parsePids(System.getProperty(PIDS_PROPERTY, ""));
        app = appProcess(benchmarkParams.getBenchmark(), pids).stream()
                .mapToObj(ServerCpu::of)
                .findFirst()
                .orElse(null);
        appwrite = pids.containsKey("appwrite") ? ServerCpu.of(pids.get("appwrite")) : null;
        appBefore = app == null ? null : app.sample();
        appwriteBefore = appwrite == null ? null : appwrite.sample();
        clientBefore = client.total().toNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long clientNanos = client.total().toNanos() - clientBefore;
        long ops = result.getMetadata().getAllOps();
        List<Result> results = new ArrayList<>();
        if (ops <= 0) {
            return results;
        }
        if (app != null) {
            ServerCpu.Usage used = app.since(appBefore);
            results.add(perOp(APP, used.requestNanos(), ops));
            results.add(perOp(APP_JIT, used.compilerNanos(), ops));
        }
        if (appwrite != null) {
            ServerCpu.Usage used = appwrite.since(appwriteBefore);
            results.add(perOp(APPWRITE, used.requestNanos(), ops));
            results.add(perOp(APPWRITE_JIT, used.compilerNanos(), ops));
        }
        results.add(perOp(CLIENT, clientNanos, ops));
        return results;
    }

    private static ScalarResult perOp(String label, long cpuNanos, long ops) {
        return new ScalarResult(label, cpuNanos / 1e6 / ops, "ms/op", AggregationPolicy.AVG);
    }

    /** The pid of the app the benchmark's class declares, empty for {@link ServerUnderTest.App#NONE} or unknown. */
    static OptionalLong appProcess(String benchmark, Map<String, Long> pids) {
        String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
        ServerUnderTest.App which;
        try {
            ServerUnderTest declared = Class.forName(className).getAnnotation(ServerUnderTest.class);
            which = declared == null ? ServerUnderTest.App.NONE : declared.app();
        } catch (ClassNotFoundException e) {
            which = ServerUnderTest.App.NONE;
        }
        if (which == ServerUnderTest.App.NONE || !pids.containsKey(which.variant())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(pids.get(which.variant()));
    }

    /** {@code appwrite=1,ssr=2} → map; malformed entries are ignored (the figure is then simply not reported). */
    static Map<String, Long> parsePids(String value) {
        Map<String, Long> pids = new HashMap<>();
        for (String entry : value.split(",")) {
            String[] pair = entry.trim().split("=");
            if (pair.length == 2) {
                try {
                    long pid = Long.parseLong(pair[1].trim());
                    if (pid > 0) {
                        pids.put(pair[0].trim(), pid);
                    }
                } catch (NumberFormatException ignored) {
                    // not a pid: leave that process unmeasured
                }
            }
        }
        return pids;
    }

    /** The property value for these pids. */
    public static String pidsValue(OptionalLong appwrite, OptionalLong ssr, OptionalLong csr) {
        Map<String, OptionalLong> pids = new LinkedHashMap<>();
        pids.put("appwrite", appwrite);
        pids.put(ServerUnderTest.App.SSR.variant(), ssr);
        pids.put(ServerUnderTest.App.CSR.variant(), csr);
        return pidsValue(pids);
    }

    /** The property value for pids by key ({@code appwrite} or an app's {@link ServerUnderTest.App#variant()}). */
    public static String pidsValue(Map<String, OptionalLong> pids) {
        List<String> parts = new ArrayList<>();
        pids.forEach((key, pid) -> pid.ifPresent(p -> parts.add(key + "=" + p)));
        return String.join(",", parts);
    }
}
