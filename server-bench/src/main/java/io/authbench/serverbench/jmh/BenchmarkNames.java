package io.authbench.serverbench.jmh;

import java.lang.reflect.Method;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;

/** The benchmark methods of this module, to know how many results a JMH run should return. */
final class BenchmarkNames {
    static final List<Class<?>> CLASSES = List.of(SsrBenchmarks.class, CsrBenchmarks.class, AppwriteSdkBenchmarks.class);

    private BenchmarkNames() {
    }

    /** How many benchmark methods JMH's include regex selects (JMH matches it with find() on the full name). */
    static long matching(String include) {
        Pattern pattern = Pattern.compile(include);
        long count = 0;
        for (Class<?> type : CLASSES) {
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(Benchmark.class)
                        && pattern.matcher(type.getName() + "." + method.getName()).find()) {
                    count++;
                }
            }
        }
        return count;
    }
}
