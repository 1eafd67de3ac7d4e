package io.authbench.serverbench.jmh;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which app process a benchmark class exercises, so {@link ServerCpuProfiler} charges the right process's CPU as
 * {@code serverCpuApp}. Appwrite's CPU is always reported.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ServerUnderTest {
    /** What the benchmark's app is. */
    App app();

    /** The app processes a benchmark can drive. */
    enum App {
        /** ssr-app: its page views call Appwrite from the server. */
        SSR,
        /** csr-app: serves static files only. */
        CSR,
        /** No app: the benchmark itself is the Appwrite client (the SDK benchmarks). */
        NONE
    }
}
