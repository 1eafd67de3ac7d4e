package io.authbench.harness.nextjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.authbench.harness.apptarget.TargetFile;
import io.authbench.harness.apptarget.TargetFileException;
import io.authbench.harness.apptarget.TargetSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Next.js pair of a four-variant run ({@code --nextjs}): the {@code nextjs} module's two apps as launched targets,
 * read from {@code nextjs/ssr/target.json} and {@code nextjs/csr/target.json}, started per profile behind their own
 * links like the bundled apps.
 *
 * <p>{@link #locate} checks, before anything starts, what a launch needs and a target file cannot say: Node.js
 * {@value #MIN_NODE} or newer on the PATH (Next 16's floor) and each app's build output ({@code node_modules} from
 * {@code npm ci}, {@code .next/BUILD_ID} from {@code next build}). Without them {@code next start} would fail a
 * minute into the run, after the emulator, Chromium and the bundled apps had started.
 *
 * @param ssr       {@code next-ssr}'s target (pattern ssr)
 * @param csr       {@code next-csr}'s target (pattern csr)
 * @param directory the module folder ({@code nextjs/})
 * @param versions  package versions the apps were built with ({@code next}, {@code react}, SDKs) plus {@code node};
 *                  what results.json records per variant
 */
public record NextjsApps(TargetSpec ssr, TargetSpec csr, Path directory, Map<String, String> versions) {

    /** Next.js 16 refuses older Node.js versions. */
    public static final String MIN_NODE = "20.9";
    /** How to build the apps, for messages. */
    public static final String BUILD_HINT = "build them with 'mvn -B verify -Pbench -Dbench.nextjs=true' (builds and"
            + " runs), 'mvn -B -pl nextjs -am verify -Dbench.nextjs=true -DskipTests', or 'node nextjs/build-apps.mjs'";

    public NextjsApps {
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    /**
     * Reads the two target files in {@code directory} and checks that the apps can start.
     *
     * @param node the Node.js executable the target files' commands run ({@code node} on the PATH)
     * @throws NotReady one message naming what is missing and how to get it
     */
    public static NextjsApps locate(Path directory, String node) throws NotReady {
        Path dir = directory.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        String nodeVersion = nodeVersion(node, problems);
        Map<String, TargetSpec> specs = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        for (String app : List.of("ssr", "csr")) {
            Path file = dir.resolve(app).resolve("target.json");
            if (!Files.isRegularFile(file)) {
                throw new NotReady(
                        "--nextjs: no Next.js app at " + dir.resolve(app) + " (" + file.getFileName()
                                + " missing); run from the AuthBench repository root, or give its nextjs/ folder with --nextjs-dir.");
            }
            TargetSpec spec;
            try {
                spec = TargetFile.readSpec(file);
            } catch (TargetFileException e) {
                throw new NotReady("--nextjs: " + e.getMessage());
            }
            String expected = "next-" + app;
            if (!spec.launched()
                    || !spec.target().name().equals(expected)
                    || spec.target().ssr() != app.equals("ssr")) {
                throw new NotReady("--nextjs: " + file + " is not the " + expected + " app's launched target (name \""
                        + expected + "\", pattern \"" + app + "\", a \"start\" command); restore it from git.");
            }
            Path folder = spec.start().directory();
            if (!Files.isRegularFile(folder.resolve("node_modules/next/dist/bin/next"))) {
                problems.add("nextjs/" + app + " has no node_modules (npm ci was not run)");
            } else if (!Files.isRegularFile(folder.resolve(".next/BUILD_ID"))) {
                problems.add("nextjs/" + app + " has no build output (.next/BUILD_ID: next build was not run)");
            } else if (app.equals("ssr")) {
                versions.putAll(packageVersions(folder, List.of("next", "react", "react-dom", "node-appwrite")));
            } else {
                packageVersions(folder, List.of("appwrite")).forEach(versions::putIfAbsent);
            }
            specs.put(app, spec);
        }
        if (!problems.isEmpty()) {
            throw new NotReady("--nextjs measures the Next.js apps in " + dir + ", but " + String.join("; ", problems)
                    + ". " + (nodeVersion == null ? "Install Node.js >= " + MIN_NODE + " and npm, then " : "")
                    + BUILD_HINT
                    + "; or leave out --nextjs (-Dbench.nextjs).");
        }
        versions.put("node", nodeVersion);
        return new NextjsApps(specs.get("ssr"), specs.get("csr"), dir, versions);
    }

    /** The version of {@code node}, or null with a problem added (missing, not runnable, too old). */
    private static String nodeVersion(String node, List<String> problems) {
        String version;
        try {
            Process process = new ProcessBuilder(node, "-p", "process.versions.node")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readNBytes(200);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                problems.add("'" + node + " -p process.versions.node' did not answer within 20 s");
                return null;
            }
            version = new String(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                problems.add("'" + node + "' exited with code " + process.exitValue() + " (" + version + ")");
                return null;
            }
        } catch (IOException e) {
            problems.add("Node.js is not on the PATH ('" + node + "' cannot be run: " + e.getMessage() + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted while asking node for its version");
            return null;
        }
        if (!atLeast(version, MIN_NODE)) {
            problems.add("Node.js " + version + " is older than " + MIN_NODE + ", the oldest Next.js 16 runs on");
            return null;
        }
        return version;
    }

    /** True if dotted version {@code version} (e.g. {@code 20.20.2}) is {@code min} or newer. */
    static boolean atLeast(String version, String min) {
        String[] have = version.split("\\.");
        String[] need = min.split("\\.");
        try {
            for (int i = 0; i < need.length; i++) {
                int h = i < have.length ? Integer.parseInt(have[i]) : 0;
                int n = Integer.parseInt(need[i]);
                if (h != n) {
                    return h > n;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Installed versions of {@code packages} (from their package.json under node_modules); missing ones left out. */
    private static Map<String, String> packageVersions(Path app, List<String> packages) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String name : packages) {
            Path file = app.resolve("node_modules").resolve(name).resolve("package.json");
            try {
                String json = Files.readString(file, StandardCharsets.UTF_8);
                version(json).ifPresent(v -> versions.put(name, v));
            } catch (IOException e) {
                // not installed (or unreadable): left out of the description, the start check covers what matters
            }
        }
        return versions;
    }

    private static Optional<String> version(String packageJson) throws IOException {
        JsonNode v = new ObjectMapper().readTree(packageJson).path("version");
        return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    /**
     * Variables the harness gives both Next.js apps on top of their target files': {@code UPSTREAM_TIMEOUT_MS}, the
     * longest wait for one Appwrite call, set to the bundled apps' {@code --upstream-timeout} (the apps' own default
     * is 5 s, which Appwrite's argon2 password check can exceed on a busy machine: a slow answer is measured, not
     * turned into a failure, for all four variants alike).
     */
    public static Map<String, String> harnessEnvironment(Duration upstreamTimeout) {
        return Map.of("UPSTREAM_TIMEOUT_MS", Long.toString(upstreamTimeout.toMillis()));
    }

    /** The target of one pattern. */
    public TargetSpec spec(boolean ssrPattern) {
        return ssrPattern ? ssr : csr;
    }

    /** Why the apps cannot be launched; the message names the fix. */
    public static final class NotReady extends Exception {
        public NotReady(String message) {
            super(message);
        }
    }
}
