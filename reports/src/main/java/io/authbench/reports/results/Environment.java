package io.authbench.reports.results;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the numbers were measured. Every field is optional (null = unknown); none may hold a secret.
 *
 * @param cpuModel   e.g. "AMD EPYC 7B13" (from /proc/cpuinfo)
 * @param cores      logical CPUs available to the run
 * @param memoryBytes physical memory
 * @param os         e.g. "Linux 6.1.0-26-amd64 (Debian GNU/Linux 12)"
 * @param jvm        e.g. "OpenJDK 17.0.15+6-Debian-1deb12u1"
 * @param chromium   browser version as reported by Playwright, e.g. "156.0.8078.108"
 * @param playwright Playwright for Java version, e.g. "1.62.0"
 * @param sdks       Appwrite SDKs by package, e.g. {"io.appwrite:sdk-for-kotlin": "6.1.0", "appwrite (npm)": "16.1.0"}
 * @param gitCommit  commit of the AuthBench tree that ran (with "-dirty" if it had local changes)
 * @param backend    "emulator" for the bundled emulator, else the Appwrite endpoint URL (no credentials)
 * @param backendVersion Appwrite version the backend reports, if known
 */
public record Environment(
        String cpuModel,
        Integer cores,
        Long memoryBytes,
        String os,
        String jvm,
        String chromium,
        String playwright,
        Map<String, String> sdks,
        String gitCommit,
        String backend,
        String backendVersion) {

    /** The backend value for the bundled emulator. */
    public static final String EMULATOR = "emulator";

    public Environment {
        // Sorted, so that the report and results.json list them in the same order on every run.
        sdks = sdks == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sdks));
    }
}
