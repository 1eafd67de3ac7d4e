package io.authbench.serverbench.jmh;

import java.time.Duration;
import java.util.List;
import org.openjdk.jmh.annotations.Mode;

/**
 * How JMH runs the server benchmarks. A null count or time means "JMH's own default" (the {@code full} setting:
 * 5 forks, 5 warm-up and 5 measurement iterations of 10 s).
 *
 * @param include                regex of benchmarks to run, matched against {@code Class.method}
 * @param forks                  JVM forks per benchmark
 * @param warmupIterations       warm-up iterations per fork
 * @param warmupTime             length of each warm-up iteration
 * @param measurementIterations  measured iterations per fork
 * @param measurementTime        length of each measured iteration
 * @param threads                thread counts to run each benchmark at (1 = uncontended, more = contended)
 * @param modes                  JMH modes, e.g. throughput and sample time
 */
public record JmhSettings(String include, Integer forks, Integer warmupIterations, Duration warmupTime,
                          Integer measurementIterations, Duration measurementTime, List<Integer> threads,
                          List<Mode> modes) {
    /** Every benchmark of this module. */
    public static final String ALL = "io\\.authbench\\.serverbench\\.jmh\\..*Benchmarks\\..*";

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
        return new JmhSettings(regex, forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                threads, modes);
    }

    public JmhSettings withThreads(List<Integer> counts) {
        return new JmhSettings(include, forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                counts, modes);
    }

    public JmhSettings withModes(List<Mode> jmhModes) {
        return new JmhSettings(include, forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                threads, jmhModes);
    }

    public JmhSettings withIterations(int warmups, Duration warmup, int measurements, Duration measurement) {
        return new JmhSettings(include, forks, warmups, warmup, measurements, measurement, threads, modes);
    }
}
