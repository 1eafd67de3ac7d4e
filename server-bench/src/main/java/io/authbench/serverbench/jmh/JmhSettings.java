package io.authbench.serverbench.jmh;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Mode;

/**
 * How JMH runs the server benchmarks. A null count or time means "JMH's own default" (the {@code full} setting:
 * 5 forks, 5 warm-up and 5 measurement iterations of 10 s).
 *
 * <p>Benchmarks come in three groups with their own iterations: the fast ones (a page, a file: thousands of
 * operations per second), the {@linkplain #SDK auth round trip} ({@code account.get()} through the
 * Kotlin SDK, whose client code — coroutines, OkHttp's dispatcher, Gson — keeps the benchmark JVM's JIT compiler busy
 * for several seconds: measured too early, the figure is the client compiling, not the round trip) and the
 * {@linkplain #SLOW slow} ones (a login: one argon2id hash of 64 MiB, ≈ 0.3–0.5 s of Appwrite CPU each, so an
 * iteration holds a handful of operations and a long warm-up buys nothing; the same call without the SDK is in this
 * group too, so that both are measured equally warm).
 *
 * @param include  regex of benchmarks to run, matched against {@code Class.method}
 * @param forks    JVM forks per benchmark, mode and thread count
 * @param fast     iterations of the fast benchmarks
 * @param sdk      iterations of the SDK round trip
 * @param slow     iterations of the login benchmarks
 * @param threads  thread counts to run each benchmark at (1 = uncontended, more = contended)
 * @param modes    JMH modes, e.g. throughput and sample time; each mode is its own fork (JMH runs every benchmark ×
 *                 mode × thread count as a separate run)
 */
public record JmhSettings(
        String include,
        Integer forks,
        Iterations fast,
        Iterations sdk,
        Iterations slow,
        List<Integer> threads,
        List<Mode> modes) {
    /** Every benchmark of this module. */
    public static final String ALL = "io\\.authbench\\.serverbench\\.jmh\\..*Benchmarks\\..*";
    /**
     * The auth round trip through the SDK, which needs a longer warm-up of its client, and the same call without the
     * SDK (warmed the same way, so the two compare).
     */
    public static final String SDK =
            "io\\.authbench\\.serverbench\\.jmh\\.AppwriteSdkBenchmarks\\.accountGet(PlainHttp)?$";
    /** The benchmarks whose operation is a login (argon2id). */
    public static final String SLOW = "io\\.authbench\\.serverbench\\.jmh\\."
            + "(SsrBenchmarks\\.login|NextSsrBenchmarks\\.login|AppwriteSdkBenchmarks\\.createEmailPasswordSession)$";

    /**
     * Warm-up and measurement iterations; nulls mean JMH's defaults.
     *
     * @param warmups         warm-up iterations per fork
     * @param warmupTime      length of each warm-up iteration
     * @param measurements    measured iterations per fork
     * @param measurementTime length of each measured iteration
     */
    public record Iterations(Integer warmups, Duration warmupTime, Integer measurements, Duration measurementTime) {
        /** JMH's own defaults. */
        public static final Iterations JMH_DEFAULTS = new Iterations(null, null, null, null);

        public Iterations {
            if ((warmups != null && warmups < 0) || (measurements != null && measurements < 1)) {
                throw new IllegalArgumentException("JMH needs at least one measured iteration and no negative warm-up"
                        + " count, got " + warmups + " warm-up(s) and " + measurements + " measurement(s).");
            }
        }

        public static Iterations of(int warmups, Duration warmupTime, int measurements, Duration measurementTime) {
            return new Iterations(warmups, warmupTime, measurements, measurementTime);
        }

        /** E.g. {@code 2 × 1000 ms warm-up, 2 × 1000 ms}, or {@code JMH defaults}. */
        public String describe() {
            if (measurements == null) {
                return "JMH defaults";
            }
            String warmup = warmups == 0
                    ? "no warm-up"
                    : String.format(Locale.ROOT, "%d × %d ms warm-up", warmups, warmupTime.toMillis());
            return String.format(Locale.ROOT, "%s, %d × %d ms", warmup, measurements, measurementTime.toMillis());
        }

        /** Wall time of one fork's iterations, or null for JMH's defaults. */
        Duration length() {
            return measurements == null
                    ? null
                    : warmupTime.multipliedBy(warmups).plus(measurementTime.multipliedBy(measurements));
        }
    }

    public JmhSettings {
        threads = List.copyOf(threads);
        modes = List.copyOf(modes);
        if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("JMH thread counts must be at least 1, got " + threads + ".");
        }
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("Name at least one JMH mode.");
        }
    }

    /** The contended setting: two threads per core, at least 4. */
    public static int contendedThreads() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    public JmhSettings withInclude(String regex) {
        return new JmhSettings(regex, forks, fast, sdk, slow, threads, modes);
    }

    public JmhSettings withThreads(List<Integer> counts) {
        return new JmhSettings(include, forks, fast, sdk, slow, counts, modes);
    }

    public JmhSettings withModes(List<Mode> jmhModes) {
        return new JmhSettings(include, forks, fast, sdk, slow, threads, jmhModes);
    }

    /** The same iterations for every group. */
    public JmhSettings withIterations(int warmups, Duration warmup, int measurements, Duration measurement) {
        Iterations both = Iterations.of(warmups, warmup, measurements, measurement);
        return new JmhSettings(include, forks, both, both, both, threads, modes);
    }

    /** One line for progress output and {@code config.settings}. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s fork(s); fast benchmarks %s; account.get (SDK and plain HTTP) %s; logins %s; modes %s;"
                        + " threads %s",
                forks == null ? "JMH default" : forks.toString(),
                fast.describe(),
                sdk.describe(),
                slow.describe(),
                modes.stream().map(Mode::shortLabel).toList(),
                threads);
    }
}
