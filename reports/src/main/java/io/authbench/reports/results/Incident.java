package io.authbench.reports.results;

import java.time.Instant;

/**
 * Something that happened to the run as a whole and that a reader must see: a child process died, a phase was
 * skipped, calibration failed. Sample-level failures belong in {@link Sample#failure()} instead.
 *
 * @param at        when
 * @param component what it concerns, e.g. {@code ssr-app}, {@code appwrite-emulator}, {@code calibration}
 * @param message   one sentence (plus a log tail if useful); never a secret
 */
public record Incident(Instant at, String component, String message) {}
