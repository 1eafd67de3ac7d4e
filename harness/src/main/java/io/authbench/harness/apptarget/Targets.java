package io.authbench.harness.apptarget;

import io.authbench.harness.profile.LinkSpec;
import io.authbench.harness.profile.NetworkProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The apps of a target run, from {@code --target} files with {@code --target-base-url NAME=URL} overrides applied.
 * Two kinds, never mixed:
 *
 * <ul>
 *   <li><b>external</b> (no {@code start} in the files): exactly one SSR and one CSR app that run on their own at
 *       their base URLs; the harness starts no app and no link;</li>
 *   <li><b>launched</b> (every file has {@code start}): the harness starts them per profile behind the profile's
 *       links, as it does the bundled apps. One file is enough: the other pattern is then the bundled app.</li>
 * </ul>
 *
 * @param ssrSpec the SSR target; null = the bundled SSR app (launched runs only)
 * @param csrSpec the CSR target; null = the bundled CSR app (launched runs only)
 */
public record Targets(TargetSpec ssrSpec, TargetSpec csrSpec) {

    /** The profile every external target run may use: no link shaped (the harness did not start the parties). */
    public static final String LOOPBACK = "loopback";

    public Targets {
        if (ssrSpec == null && csrSpec == null) {
            throw new IllegalArgumentException("at least one target");
        }
    }

    /** Two apps that run on their own (today's target mode). */
    public static Targets external(Target ssr, Target csr) {
        return new Targets(new TargetSpec(ssr, null, null), new TargetSpec(csr, null, null));
    }

    /**
     * Reads {@code files}, applies {@code overrides} ({@code NAME=URL}) and checks the combination.
     *
     * @throws TargetFileException naming the file, option or field and the fix
     */
    public static Targets resolve(List<Path> files, List<String> overrides) {
        List<TargetSpec> specs = new ArrayList<>();
        for (Path file : files) {
            TargetSpec spec = TargetFile.readSpec(file);
            Target target = spec.target();
            if (target.serverPid() > 0 && ProcessHandle.of(target.serverPid()).isEmpty()) {
                throw new TargetFileException("target file " + file + ": field \"serverPid\" " + target.serverPid()
                        + " is not a running process on this machine; give the app server's current process id (its CPU"
                        + " can only be read here), or remove the field.");
            }
            specs.add(spec);
        }
        long launched = specs.stream().filter(TargetSpec::launched).count();
        if (launched > 0 && launched < specs.size()) {
            throw new TargetFileException("--target: "
                    + describe(specs.stream().filter(TargetSpec::launched).toList())
                    + " say(s) how to start the app (\"start\"), "
                    + describe(specs.stream().filter(s -> !s.launched()).toList())
                    + " not: the harness either starts the apps (behind the profile's links) or measures apps that run on"
                    + " their own, not both in one run; add \"start\" to every file, or remove it from every file.");
        }
        List<TargetSpec> ssr = specs.stream().filter(s -> s.target().ssr()).toList();
        List<TargetSpec> csr = specs.stream().filter(s -> !s.target().ssr()).toList();
        boolean pairRequired = launched == 0;
        if (ssr.size() > 1 || csr.size() > 1 || (pairRequired && (ssr.size() != 1 || csr.size() != 1))) {
            throw new TargetFileException("--target: give "
                    + (pairRequired
                            ? "exactly one SSR and one CSR target file"
                            : "at most one SSR and one CSR target file (with one, the other pattern is the bundled app)")
                    + " (got " + (specs.isEmpty() ? "none" : describe(specs))
                    + "); each file's \"pattern\" says which it is.");
        }
        TargetSpec s = ssr.isEmpty() ? null : ssr.get(0);
        TargetSpec c = csr.isEmpty() ? null : csr.get(0);
        if (s != null && c != null && s.target().name().equals(c.target().name())) {
            throw new TargetFileException(
                    "--target: both target files are named '" + s.target().name() + "' ("
                            + s.target().source() + ", " + c.target().source() + "); give them different \"name\"s.");
        }
        if (s != null && c != null) {
            checkPins(s, c);
        }
        Map<String, TargetSpec> byName = new LinkedHashMap<>();
        for (TargetSpec spec : new TargetSpec[] {s, c}) {
            if (spec != null) {
                byName.put(spec.target().name(), spec);
            }
        }
        for (String override : overrides) {
            int eq = override.indexOf('=');
            String option = "--target-base-url " + override;
            String example = byName.keySet().iterator().next();
            if (eq <= 0 || eq == override.length() - 1) {
                throw new TargetFileException(
                        option + ": expected NAME=URL, e.g. " + example + "=http://localhost:3001.");
            }
            String name = override.substring(0, eq).strip();
            TargetSpec spec = byName.get(name);
            if (spec == null) {
                throw new TargetFileException(option + ": no target is named '" + name + "'; the targets are "
                        + String.join(", ", byName.keySet()) + " (each file's \"name\").");
            }
            if (spec.launched()) {
                throw new TargetFileException(
                        option + ": the harness starts '" + name + "' itself and the browser reaches"
                                + " it through its link, so it has no base URL to replace; remove the option (to fix the port the"
                                + " browser uses, pin it in the file's \"ports\").");
            }
            byName.put(
                    name,
                    new TargetSpec(
                            spec.target().withBaseUrl(TargetFile.checkBaseUrl(override.substring(eq + 1), option)),
                            null,
                            null));
        }
        return new Targets(
                s == null ? null : byName.get(s.target().name()),
                c == null ? null : byName.get(c.target().name()));
    }

    private static void checkPins(TargetSpec s, TargetSpec c) {
        int a = s.ports().appwriteForBrowser();
        int b = c.ports().appwriteForBrowser();
        if (a != 0 && b != 0 && a != b) {
            throw new TargetFileException("--target: " + s.target().source() + " pins the browser→Appwrite port " + a
                    + " and "
                    + c.target().source() + " pins " + b + ", but both apps' pages reach Appwrite through the one"
                    + " browser→Appwrite link; pin the same port in both files, or in one only.");
        }
        List<Integer> pinned = new ArrayList<>();
        for (int port : new int[] {s.ports().app(), c.ports().app(), a != 0 ? a : b}) {
            if (port != 0 && pinned.contains(port)) {
                throw new TargetFileException("--target: port " + port + " is pinned twice in \"ports\" of "
                        + s.target().source() + " and " + c.target().source() + "; each link needs its own port.");
            }
            pinned.add(port);
        }
    }

    private static String describe(List<TargetSpec> specs) {
        return specs.stream()
                .map(t -> t.target().source() + " (" + t.target().pattern().code() + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * Refuses a profile that shapes a link in an external target run: the harness can only delay links between
     * processes it starts, and there it starts neither the apps nor Appwrite. A CPU slowdown alone is fine (the
     * browser applies it). Launched targets take every profile: call it for external targets only.
     *
     * @throws TargetFileException explaining why and what to do
     */
    public static void checkProfile(NetworkProfile profile) {
        Map<String, LinkSpec> links = new LinkedHashMap<>();
        links.put("browser→app", profile.browserApp());
        links.put("browser→Appwrite", profile.browserAppwrite());
        links.put("app→Appwrite", profile.appAppwrite());
        List<String> shaped = links.entrySet().stream()
                .filter(e -> !LinkSpec.TRANSPARENT.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (!shaped.isEmpty()) {
            throw new TargetFileException(
                    "--profiles: profile '" + profile.name() + "' shapes the " + String.join(", ", shaped)
                            + " link(s), but these targets run on their own (no \"start\" in their files): the harness starts"
                            + " neither the apps nor Appwrite, so it cannot put an emulated link between them; use --profiles="
                            + LOOPBACK
                            + " (or a profiles-file profile whose three links are all 0, with a cpuSlowdown if you want"
                            + " one), add \"start\" to the target files so the harness launches the apps behind its links, or"
                            + " measure a real network by running the browser where your users are (--browser-ws, --selenium-grid).");
        }
    }

    /** True if the harness starts these targets (their files have {@code start}). */
    public boolean launched() {
        return (ssrSpec != null && ssrSpec.launched()) || (csrSpec != null && csrSpec.launched());
    }

    /** The SSR target; null when the SSR side is the bundled app (a launched run with one CSR file). */
    public Target ssr() {
        return ssrSpec == null ? null : ssrSpec.target();
    }

    /** The CSR target; null when the CSR side is the bundled app (a launched run with one SSR file). */
    public Target csr() {
        return csrSpec == null ? null : csrSpec.target();
    }

    /** The spec of a pattern's side; null = the bundled app. */
    public TargetSpec spec(boolean ssrSide) {
        return ssrSide ? ssrSpec : csrSpec;
    }

    /** The target of a variant: {@code csr} → CSR, everything else ({@code ssr}, A/A labels) → SSR. */
    public Target forVariant(boolean ssrVariant) {
        return ssrVariant ? ssr() : csr();
    }

    /** What results.json records about the targets (names, patterns, where they ran, session handling; never secrets). */
    public Map<String, String> configSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (boolean ssrSide : new boolean[] {true, false}) {
            TargetSpec spec = spec(ssrSide);
            String prefix = "target." + (ssrSide ? "ssr" : "csr") + ".";
            if (spec == null) {
                settings.put(prefix + "name", ssrSide ? "bundled-ssr" : "bundled-csr");
                settings.put(
                        prefix + "file", "(none: the bundled app, launched by the harness as in the built-in mode)");
                continue;
            }
            Target t = spec.target();
            settings.put(prefix + "name", t.name());
            settings.put(prefix + "file", t.source());
            if (spec.launched()) {
                settings.put(
                        prefix + "start",
                        "launched by the harness per profile behind the profile's links: "
                                + String.join(" ", spec.start().command()) + " (in "
                                + spec.start().directory() + "; environment "
                                + "variables " + spec.start().environment().keySet()
                                + (spec.start().apiKeyEnvironment() == null
                                        ? ""
                                        : ", API key in " + spec.start().apiKeyEnvironment())
                                + ")");
                if (!spec.ports().equals(PinnedPorts.NONE)) {
                    settings.put(
                            prefix + "ports",
                            "pinned: browser→app " + pin(spec.ports().app()) + ", browser→Appwrite "
                                    + pin(spec.ports().appwriteForBrowser()));
                }
            } else {
                settings.put(prefix + "baseUrl", t.baseUrl());
            }
            if (t.ssr()) {
                settings.put(
                        prefix + "session",
                        t.sessionCookie() == null
                                ? "no sessionCookie given: set-up signs in through the login form; the cookie check is NOT applied"
                                : "session cookie " + t.sessionCookie()
                                        + ": set-up injects a Users API session; cookie check applied");
            }
            settings.put(prefix + "nameMatch", t.nameMatch().describe());
            settings.put(
                    prefix + "serverCpu",
                    spec.launched()
                            ? "measured: the process tree the harness started"
                            : t.serverPid() > 0
                                    ? "measured: process " + t.serverPid() + " on this machine"
                                    : "not measured: no serverPid in the target file");
        }
        if (!launched()) {
            settings.put(
                    "network",
                    "not emulated: the target apps were not started by the harness, so no link was shaped"
                            + " (only loopback-like profiles are accepted); the real network between the browser, the apps and"
                            + " Appwrite is what was measured");
            settings.put("linkCalibration", "not applicable: no links in a target run");
        }
        return settings;
    }

    private static String pin(int port) {
        return port == 0 ? "any free port" : Integer.toString(port);
    }
}
