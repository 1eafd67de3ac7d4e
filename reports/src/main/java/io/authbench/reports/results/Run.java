package io.authbench.reports.results;

import java.time.Instant;
import java.util.Objects;

/**
 * Identity, state and configuration of one run.
 *
 * @param id           unique run id (the harness uses a UTC timestamp, e.g. {@code 20261127T081500Z})
 * @param status       current state; {@code running} until the harness finishes
 * @param statusReason why the run stopped early ({@code failed}/{@code interrupted}), else null
 * @param startedAt    when measurement started
 * @param finishedAt   when the run ended; null while running
 * @param seed         the seed of the pair order (and of everything else random in the run)
 * @param quick        true for the reduced quick mode
 * @param config       what was asked for: flows, profiles, pairs, timeouts
 */
public record Run(
        String id,
        RunStatus status,
        String statusReason,
        Instant startedAt,
        Instant finishedAt,
        long seed,
        boolean quick,
        RunConfig config) {

    public Run {
        Objects.requireNonNull(id, "\"run.id\" is missing");
        Objects.requireNonNull(status, "\"run.status\" is missing");
        Objects.requireNonNull(config, "\"run.config\" is missing");
    }

    /** The same run in a final (or new) state. */
    public Run withStatus(RunStatus newStatus, String reason, Instant finished) {
        return new Run(id, newStatus, reason, startedAt, finished, seed, quick, config);
    }
}
