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
 * The two apps of a target run: exactly one SSR and one CSR target, from {@code --target} files with
 * {@code --target-base-url NAME=URL} overrides applied.
 *
 * @param ssr the SSR target (variants {@code ssr}, {@code ssr-a}, {@code ssr-b})
 * @param csr the CSR target
 */
public record Targets(Target ssr, Target csr) {

    /** The profile every target run may use: no link shaped (the harness did not start the parties). */
    public static final String LOOPBACK = "loopback";

    /**
     * Reads {@code files}, applies {@code overrides} ({@code NAME=URL}) and checks the pair.
     *
     * @throws TargetFileException naming the file, option or field and the fix
     */
    public static Targets resolve(List<Path> files, List<String> overrides) {
        List<Target> targets = new ArrayList<>();
        for (Path file : files) {
            Target target = TargetFile.read(file);
            if (target.serverPid() > 0 && ProcessHandle.of(target.serverPid()).isEmpty()) {
                throw new TargetFileException("target file " + file + ": field \"serverPid\" " + target.serverPid()
                        + " is not a running process on this machine; give the app server's current process id (its CPU"
                        + " can only be read here), or remove the field.");
            }
            targets.add(target);
        }
        List<Target> ssr = targets.stream().filter(Target::ssr).toList();
        List<Target> csr = targets.stream().filter(t -> !t.ssr()).toList();
        if (ssr.size() != 1 || csr.size() != 1) {
            throw new TargetFileException("--target: give exactly one SSR and one CSR target file (got "
                    + (targets.isEmpty() ? "none" : targets.stream().map(t -> t.source() + " (" + t.pattern().code() + ")")
                    .collect(Collectors.joining(", "))) + "); each file's \"pattern\" says which it is.");
        }
        if (ssr.get(0).name().equals(csr.get(0).name())) {
            throw new TargetFileException("--target: both target files are named '" + ssr.get(0).name() + "' ("
                    + ssr.get(0).source() + ", " + csr.get(0).source() + "); give them different \"name\"s.");
        }
        Map<String, Target> byName = new LinkedHashMap<>();
        byName.put(ssr.get(0).name(), ssr.get(0));
        byName.put(csr.get(0).name(), csr.get(0));
        for (String override : overrides) {
            int eq = override.indexOf('=');
            String option = "--target-base-url " + override;
            if (eq <= 0 || eq == override.length() - 1) {
                throw new TargetFileException(option + ": expected NAME=URL, e.g. " + ssr.get(0).name()
                        + "=http://localhost:3001.");
            }
            String name = override.substring(0, eq).strip();
            Target target = byName.get(name);
            if (target == null) {
                throw new TargetFileException(option + ": no target is named '" + name + "'; the targets are "
                        + String.join(", ", byName.keySet()) + " (each file's \"name\").");
            }
            byName.put(name, target.withBaseUrl(TargetFile.checkBaseUrl(override.substring(eq + 1), option)));
        }
        return new Targets(byName.get(ssr.get(0).name()), byName.get(csr.get(0).name()));
    }

    /**
     * Refuses a profile that shapes a link: the harness can only delay links between processes it starts, and in a
     * target run it starts neither the apps nor Appwrite. A CPU slowdown alone is fine (the browser applies it).
     *
     * @throws TargetFileException explaining why and what to do
     */
    public static void checkProfile(NetworkProfile profile) {
        Map<String, LinkSpec> links = new LinkedHashMap<>();
        links.put("browser→app", profile.browserApp());
        links.put("browser→Appwrite", profile.browserAppwrite());
        links.put("app→Appwrite", profile.appAppwrite());
        List<String> shaped = links.entrySet().stream().filter(e -> !LinkSpec.TRANSPARENT.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (!shaped.isEmpty()) {
            throw new TargetFileException("--profiles: profile '" + profile.name() + "' shapes the " + String.join(", ", shaped)
                    + " link(s), but with --target the harness starts neither the apps nor Appwrite, so it cannot put an"
                    + " emulated link between them; use --profiles=" + LOOPBACK + " (or a profiles-file profile whose three"
                    + " links are all 0, with a cpuSlowdown if you want one), and measure a real network by running the"
                    + " browser where your users are (--browser-ws, --selenium-grid).");
        }
    }

    /** The target of a variant: {@code csr} → CSR, everything else ({@code ssr}, A/A labels) → SSR. */
    public Target forVariant(boolean ssrVariant) {
        return ssrVariant ? ssr : csr;
    }

    /** What results.json records about the targets (names, patterns, base URLs, session handling; never secrets). */
    public Map<String, String> configSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Target t : List.of(ssr, csr)) {
            String prefix = "target." + t.pattern().code() + ".";
            settings.put(prefix + "name", t.name());
            settings.put(prefix + "baseUrl", t.baseUrl());
            settings.put(prefix + "file", t.source());
            if (t.ssr()) {
                settings.put(prefix + "session", t.sessionCookie() == null
                        ? "no sessionCookie given: set-up signs in through the login form; the cookie check is NOT applied"
                        : "session cookie " + t.sessionCookie() + ": set-up injects a Users API session; cookie check applied");
            }
            settings.put(prefix + "nameMatch", t.nameMatch().describe());
            settings.put(prefix + "serverCpu", t.serverPid() > 0 ? "measured: process " + t.serverPid() + " on this machine"
                    : "not measured: no serverPid in the target file");
        }
        settings.put("network", "not emulated: the target apps were not started by the harness, so no link was shaped"
                + " (only loopback-like profiles are accepted); the real network between the browser, the apps and"
                + " Appwrite is what was measured");
        settings.put("linkCalibration", "not applicable: no links in a target run");
        return settings;
    }
}
