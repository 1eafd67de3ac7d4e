package io.authbench.harness.run;

import io.authbench.reports.results.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Describes the machine and the software a run measured on (docs/results-schema.md#environment). Every probe may fail:
 * unknown = null.
 */
final class EnvironmentProbe {
    private EnvironmentProbe() {}

    /**
     * @param bundledSsr the run measured the bundled SSR app (its server uses the Kotlin SDK)
     * @param bundledCsr the run measured the bundled CSR app (its page uses the Web SDK)
     */
    static Environment describe(String chromiumVersion, String backend, boolean bundledSsr, boolean bundledCsr) {
        Properties versions = versions();
        // The SDKs of the apps measured: a target app's own SDK is unknown here, so only the bundled ones are listed.
        Map<String, String> sdks = new LinkedHashMap<>();
        if (bundledSsr) {
            sdks.put("io.appwrite:sdk-for-kotlin", versions.getProperty("sdk-for-kotlin"));
        }
        if (bundledCsr) {
            sdks.put("appwrite (npm)", versions.getProperty("appwrite-web"));
        }
        return new Environment(
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                memoryBytes(),
                os(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                chromiumVersion,
                versions.getProperty("playwright"),
                sdks,
                gitCommit(),
                backend,
                null);
    }

    static Properties versions() {
        Properties properties = new Properties();
        try (InputStream in = EnvironmentProbe.class.getResourceAsStream("/io/authbench/harness/versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException ignored) {
            // versions stay unknown
        }
        return properties;
    }

    private static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name");
    }

    private static Long memoryBytes() {
        String kb = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        try {
            return kb == null ? null : Long.parseLong(kb.replace("kB", "").trim()) * 1024;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String os() {
        String base = System.getProperty("os.name") + " " + System.getProperty("os.version");
        String pretty = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME");
        return pretty == null ? base : base + " (" + pretty.replace("\"", "") + ")";
    }

    /** The value after {@code key} and a {@code :} or {@code =} on the first matching line. */
    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    int separator = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('=');
                    return separator < 0 ? null : line.substring(separator + 1).trim();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or not readable
        }
        return null;
    }

    /** HEAD of the working directory's git tree, with "-dirty" if it has changes; null outside git. */
    static String gitCommit() {
        String head = git(List.of("git", "rev-parse", "HEAD"));
        if (head == null || head.isBlank()) {
            return null;
        }
        String status = git(List.of("git", "status", "--porcelain", "--untracked-files=no"));
        return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
    }

    private static String git(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? new String(output, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
