package io.authbench.emulator.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Appwrite's fixed-window abuse counter ({@code utopia-php/abuse} TimeLimit): while {@code count < limit} a hit is
 * counted and allowed, after that it is refused. Counters of past windows are dropped by {@link #purgeBefore}.
 */
public final class RateLimiter {
    private record WindowKey(long windowStart, String key) {}

    /**
     * The outcome of one check, with the values of the {@code X-RateLimit-*} headers.
     *
     * @param resetEpochSeconds the end of the current window, in unix seconds
     */
    public record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds) {}

    private final ConcurrentMap<WindowKey, Integer> counts = new ConcurrentHashMap<>();

    /**
     * Checks (and, when {@code enforce}, counts) one call. Unenforced calls (API keys, limits switched off) are not
     * counted but still get the headers, as in Appwrite.
     */
    public Decision hit(RateLimitRule rule, String key, long nowEpochSeconds, boolean enforce) {
        long windowStart = nowEpochSeconds - Math.floorMod(nowEpochSeconds, rule.windowSeconds());
        long reset = windowStart + rule.windowSeconds();
        WindowKey windowKey = new WindowKey(windowStart, key);
        int[] before = new int[1];
        boolean[] allowed = new boolean[1];
        if (enforce) {
            counts.compute(windowKey, (k, count) -> {
                int current = count == null ? 0 : count;
                before[0] = current;
                allowed[0] = current < rule.limit();
                return allowed[0] ? current + 1 : current;
            });
        } else {
            before[0] = counts.getOrDefault(windowKey, 0);
            allowed[0] = true;
        }
        int remaining = Math.max(0, rule.limit() - (before[0] + 1));
        return new Decision(allowed[0], rule.limit(), remaining, reset);
    }

    /** Forgets counters of windows that started before {@code epochSeconds - longestWindow}. */
    public void purgeBefore(long nowEpochSeconds, long longestWindowSeconds) {
        counts.keySet().removeIf(k -> k.windowStart() + longestWindowSeconds <= nowEpochSeconds);
    }

    public int trackedKeys() {
        return counts.size();
    }
}
