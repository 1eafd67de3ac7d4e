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
        SSR("ssr"),
        /** csr-app: serves static files only. */
        CSR("csr"),
        /** The Next.js SSR app ({@code nextjs/ssr}): renders the dashboard with {@code account.get()} on the server. */
        NEXT_SSR("next-ssr"),
        /** The Next.js CSR app ({@code nextjs/csr}): renders the page frame per request, never calls Appwrite. */
        NEXT_CSR("next-csr"),
        /** No app: the benchmark itself is the Appwrite client (the SDK benchmarks). */
        NONE("appwrite");

        private final String variant;

        App(String variant) {
            this.variant = variant;
        }

        /**
         * The variant label results carry ({@code ssr}, {@code csr}, {@code next-ssr}, {@code next-csr}; {@code
         * appwrite} for none), which is also the app's key in {@link ServerCpuProfiler#PIDS_PROPERTY}.
         */
        public String variant() {
            return variant;
        }
    }
}
