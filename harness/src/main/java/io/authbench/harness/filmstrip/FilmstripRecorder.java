package io.authbench.harness.filmstrip;

import io.authbench.harness.browser.Screencast.Frame;
import io.authbench.reports.results.Flows;
import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.RunStatus;
import io.authbench.reports.results.Screenshot;
import io.authbench.reports.results.Variants;
import io.authbench.reports.stats.ProfileLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The filmstrip of the report's section 6 (harness/README.md#filmstrip-report-section-6): SSR and CSR side by side at
 * fixed time steps, for the median login pair on the slowest profile.
 *
 * <p>The engine screencasts every measured SSR/CSR login iteration on that profile ({@link #captures}), hands the
 * frames of each good one to {@link #add}, and calls {@link #finishCell} once the cell's last such iteration is done:
 * only the median pair's frames are written (under {@code filmstrip/} in the run folder), the rest are dropped.
 * Everything else in the run is measured without a screencast.
 */
public final class FilmstripRecorder {
    static final String FLOW = Flows.LOGIN;
    static final String FOLDER = "filmstrip";

    private final String profile;
    /** pair → variant → that iteration's capture; in arrival order. */
    private final Map<Integer, Map<String, Capture>> captures = new LinkedHashMap<>();

    private record Capture(double actionEpochMs, double timeToContentMs, List<Frame> frames) {}

    /**
     * The frames chosen for the report.
     *
     * @param pair        the median pair
     * @param screenshots variant ({@code ssr}, {@code csr}) → its frames at the shared time steps
     */
    public record Selection(String profile, int pair, Map<String, List<Screenshot>> screenshots) {}

    FilmstripRecorder(String profile) {
        this.profile = profile;
    }

    /**
     * A recorder for the slowest of {@code profiles} by the report's own rule ({@link ProfileLookup#slowest}: highest
     * browser↔app RTT, then lowest bandwidth), or empty when the run has no measured login pairs.
     */
    public static Optional<FilmstripRecorder> plan(List<ProfileInfo> profiles, List<String> flows, int pairs) {
        if (!flows.contains(FLOW) || pairs < 1 || profiles.isEmpty()) {
            return Optional.empty();
        }
        // ProfileLookup.slowest reads a RunResults; a provisional one with only the profiles is enough.
        RunConfig config = new RunConfig(
                flows, profiles.stream().map(ProfileInfo::name).toList(), pairs, 0, null, Map.of(), Map.of());
        RunResults provisional = RunResults.start(
                new Run("plan", RunStatus.RUNNING, null, null, null, 0, false, config), null, profiles);
        return ProfileLookup.slowest(provisional, config.profiles()).map(FilmstripRecorder::new);
    }

    public String profile() {
        return profile;
    }

    /** What config.settings records: that the screencast was on, for which cell, and at what cost per frame. */
    public String settingDescription() {
        return "CDP screencast on during the measured ssr/csr pairs of " + FLOW + " on " + profile
                + " (JPEG, max 480x360 px); the median pair's frames are kept";
    }

    /** Whether this iteration is screencast: a measured SSR or CSR login on the filmstrip's profile. */
    public boolean captures(String flow, String profileName, String variant, boolean warmup) {
        return !warmup
                && FLOW.equals(flow)
                && profile.equals(profileName)
                && (Variants.SSR.equals(variant) || Variants.CSR.equals(variant));
    }

    /** Keeps the frames of one good iteration until the cell is done. */
    public void add(int pair, String variant, double actionEpochMs, double timeToContentMs, List<Frame> frames) {
        if (!frames.isEmpty()) {
            captures.computeIfAbsent(pair, p -> new LinkedHashMap<>())
                    .put(variant, new Capture(actionEpochMs, timeToContentMs, List.copyOf(frames)));
        }
    }

    /**
     * Chooses the median pair, writes its frames under {@code runFolder/filmstrip/} and forgets every frame.
     *
     * <p>Median pair: among the pairs whose SSR and CSR iterations both succeeded (and have frames), sorted by the
     * pair's time to content — the mean of its SSR and CSR times to content, so neither variant alone decides — the
     * one at index {@code (n - 1) / 2} (the lower median for an even count; a real pair, never an average of two).
     *
     * @return the selection, or empty when no pair has frames of both variants
     * @throws UncheckedIOException naming the file if a frame cannot be written
     */
    public Optional<Selection> finishCell(Path runFolder) {
        List<Map.Entry<Integer, Map<String, Capture>>> complete = captures.entrySet().stream()
                .filter(e ->
                        e.getValue().containsKey(Variants.SSR) && e.getValue().containsKey(Variants.CSR))
                .sorted(Comparator.comparingDouble(
                                (Map.Entry<Integer, Map<String, Capture>> e) -> pairTime(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        captures.clear();
        if (complete.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<Integer, Map<String, Capture>> median = complete.get((complete.size() - 1) / 2);
        Map<String, Capture> pair = median.getValue();
        double slower = Math.max(
                pair.get(Variants.SSR).timeToContentMs(), pair.get(Variants.CSR).timeToContentMs());
        List<Double> steps = TimeSteps.forContentAt(slower);
        Map<String, List<Screenshot>> shots = new LinkedHashMap<>();
        for (String variant : List.of(Variants.SSR, Variants.CSR)) {
            shots.put(variant, write(runFolder, variant, pair.get(variant), steps));
        }
        return Optional.of(new Selection(profile, median.getKey(), shots));
    }

    private static double pairTime(Map<String, Capture> pair) {
        return (pair.get(Variants.SSR).timeToContentMs()
                        + pair.get(Variants.CSR).timeToContentMs())
                / 2;
    }

    /** Writes each distinct frame shown at a step once; steps that show the same frame share its file. */
    private List<Screenshot> write(Path runFolder, String variant, Capture capture, List<Double> steps) {
        Map<Frame, String> written = new IdentityHashMap<>();
        List<Screenshot> shots = new ArrayList<>();
        for (double at : steps) {
            Frame frame = TimeSteps.onScreen(capture.frames(), capture.actionEpochMs(), at);
            if (frame == null) {
                continue;
            }
            String file = written.get(frame);
            if (file == null) {
                file = FOLDER + "/" + FLOW + "." + safe(profile) + "." + variant + "."
                        + String.format(Locale.ROOT, "%02d", written.size()) + ".jpg";
                Path target = runFolder.resolve(file);
                try {
                    Files.createDirectories(target.getParent());
                    Files.write(target, Base64.getDecoder().decode(frame.jpegBase64()));
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "cannot write the filmstrip frame " + target + ": " + e.getMessage(), e);
                }
                written.put(frame, file);
            }
            shots.add(new Screenshot(at, file));
        }
        return shots;
    }

    /** Profile names come from a user's profiles file: keep file names to a safe alphabet. */
    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
