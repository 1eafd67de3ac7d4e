package io.authbench.harness.filmstrip;

import io.authbench.harness.browser.Screencast.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed time steps of a filmstrip, and which frame was on screen at each.
 *
 * <p>Both variants of a pair share one set of steps, so the report can put them side by side: {@code 0, s, 2s, …}
 * up to the first step at or after the slower variant's time to content, with {@code s} the smallest of
 * {@link #CANDIDATE_STEPS_MS} that needs at most {@link #MAX_STEPS} steps after zero.
 */
public final class TimeSteps {
    static final int MAX_STEPS = 10;
    static final int[] CANDIDATE_STEPS_MS = {50, 100, 200, 250, 500, 1000, 2000, 5000, 10000};

    private TimeSteps() {}

    /** The steps (ms after the action) for a pair whose slower variant showed its content at {@code slowerMs}. */
    public static List<Double> forContentAt(double slowerMs) {
        double end = Math.max(0, slowerMs);
        int step = CANDIDATE_STEPS_MS[CANDIDATE_STEPS_MS.length - 1];
        for (int candidate : CANDIDATE_STEPS_MS) {
            if (Math.ceil(end / candidate) <= MAX_STEPS) {
                step = candidate;
                break;
            }
        }
        int count = (int) Math.ceil(end / step);
        List<Double> steps = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            steps.add((double) i * step);
        }
        return steps;
    }

    /**
     * The frame on screen {@code atMs} after the action: the last one swapped at or before that moment (a
     * screencast sends a frame only when the screen changes). Null when no frame had been shown yet.
     */
    public static Frame onScreen(List<Frame> frames, double actionEpochMs, double atMs) {
        Frame shown = null;
        for (Frame frame : frames) {
            if (frame.epochMs() - actionEpochMs <= atMs && (shown == null || frame.epochMs() >= shown.epochMs())) {
                shown = frame;
            }
        }
        return shown;
    }
}
