package io.authbench.harness.measure;

import io.authbench.harness.browser.Exchange;
import io.authbench.harness.browser.ServerTiming;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The chain of sequential round trips between the user action and the content: the heaviest chain of browser
 * exchanges that do not overlap in time (weighted interval scheduling). Exchanges that overlap ran in parallel and
 * add one round trip between them; each exchange weighs 1 plus the Appwrite calls the server made while answering
 * it (its {@code aw-*} Server-Timing entries), because those are round trips on the app↔Appwrite link.
 *
 * @param depth the chain's weight: round trips on the critical path, on any link
 * @param chain the exchanges on it, in time order
 */
public record CriticalPath(int depth, List<Exchange> chain) {

    /** Slack for clock rounding between the renderer and the network service. */
    static final double SLACK_MS = 1.0;

    public CriticalPath {
        chain = List.copyOf(chain);
    }

    /** The critical path among {@code exchanges} that started after {@code actionEpochMs} and ended by {@code contentEpochMs}. */
    public static CriticalPath of(List<Exchange> exchanges, double actionEpochMs, double contentEpochMs) {
        List<Exchange> candidates = new ArrayList<>();
        for (Exchange e : exchanges) {
            if (e.finished()
                    && !e.fromCache()
                    && e.startEpochMs() >= actionEpochMs - SLACK_MS
                    && e.endEpochMs() <= contentEpochMs + SLACK_MS) {
                candidates.add(e);
            }
        }
        candidates.sort(Comparator.comparingDouble(Exchange::endEpochMs));
        double[] start = effectiveStarts(candidates);
        int n = candidates.size();
        int[] best = new int[n];
        int[] previous = new int[n];
        int bestEnd = -1;
        for (int i = 0; i < n; i++) {
            Exchange e = candidates.get(i);
            previous[i] = -1;
            int before = 0;
            for (int j = 0; j < i; j++) {
                if (candidates.get(j).endEpochMs() <= start[i] + SLACK_MS / 2 && best[j] > before) {
                    before = best[j];
                    previous[i] = j;
                }
            }
            best[i] = before + weight(e);
            if (bestEnd < 0 || best[i] > best[bestEnd]) {
                bestEnd = i;
            }
        }
        List<Exchange> chain = new ArrayList<>();
        for (int i = bestEnd; i >= 0; i = previous[i]) {
            chain.add(candidates.get(i));
        }
        Collections.reverse(chain);
        return new CriticalPath(bestEnd < 0 ? 0 : best[bestEnd], chain);
    }

    /**
     * When an exchange went out: its own start, or for a request that needed a CORS preflight, the end of that
     * preflight. Chromium reports the actual request first and its preflight inside it, but on the wire the
     * preflight is a round trip of its own that the request waits for.
     */
    static double[] effectiveStarts(List<Exchange> exchanges) {
        double[] start = new double[exchanges.size()];
        for (int i = 0; i < exchanges.size(); i++) {
            Exchange request = exchanges.get(i);
            start[i] = request.startEpochMs();
            if (request.preflight()) {
                continue;
            }
            for (Exchange preflight : exchanges) {
                if (preflight.preflight()
                        && preflight.url().equals(request.url())
                        && preflight.startEpochMs() >= request.startEpochMs() - SLACK_MS
                        && preflight.endEpochMs() <= request.endEpochMs() + SLACK_MS) {
                    start[i] = Math.max(start[i], preflight.endEpochMs());
                }
            }
        }
        return start;
    }

    static int weight(Exchange e) {
        return 1
                + (int) e.serverTiming().stream()
                        .filter(ServerTiming::isAppwriteCall)
                        .count();
    }

    public boolean contains(Exchange e) {
        return chain.contains(e);
    }
}
