package io.authbench.serverbench.jmh;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;

/** The benchmark methods of this module, to know how many results a JMH run should return. */
final class BenchmarkNames {
    static final List<Class<?>> CLASSES = List.of(
            SsrBenchmarks.class,
            CsrBenchmarks.class,
            AppwriteSdkBenchmarks.class,
            NextSsrBenchmarks.class,
            NextCsrBenchmarks.class);

    private BenchmarkNames() {}

    /** How many benchmark methods JMH's include regex selects (JMH matches it with find() on the full name). */
    static long matching(String include) {
        return names(include).size();
    }

    /** The full names ({@code package.Class.method}) of the benchmark methods the regex selects, sorted. */
    static List<String> names(String include) {
        Pattern pattern = Pattern.compile(include);
        List<String> names = new ArrayList<>();
        for (Class<?> type : CLASSES) {
            for (Method method : type.getMethods()) {
                String name = type.getName() + "." + method.getName();
                if (method.isAnnotationPresent(Benchmark.class)
                        && pattern.matcher(name).find()) {
                    names.add(name);
                }
            }
        }
        Collections.sort(names);
        return names;
    }
}
