package io.authbench.reports.stats;

import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.RunResults;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Looks up profiles of a run and picks the "slowest" one for the waterfalls and the filmstrip. */
public final class ProfileLookup {
    private ProfileLookup() {}

    public static Optional<ProfileInfo> find(RunResults results, String name) {
        return results.profiles().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The profile where the user's link hurts most: the highest browser↔app RTT, then the lowest downlink
     * bandwidth (0 = unlimited counts as fastest), then run order. Only profiles that have samples are considered.
     */
    public static Optional<String> slowest(RunResults results, List<String> withSamples) {
        Comparator<ProfileInfo> slowness = Comparator.comparingDouble((ProfileInfo p) ->
                        p.browserApp() == null ? 0 : p.browserApp().rttMs())
                .thenComparingDouble(p -> {
                    long down = p.browserApp() == null ? 0 : p.browserApp().downBitsPerSecond();
                    return down == 0 ? Double.NEGATIVE_INFINITY : -down;
                });
        Optional<ProfileInfo> best = results.profiles().stream()
                .filter(p -> withSamples.contains(p.name()))
                .reduce((a, b) -> slowness.compare(b, a) > 0 ? b : a);
        return best.map(ProfileInfo::name).or(() -> withSamples.stream().findFirst());
    }
}
