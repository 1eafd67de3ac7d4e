package io.authbench.harness.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which of server-bench's settings the server phase runs ({@code --server-settings}); the figures each one measures
 * are server-bench's (server-bench/README.md).
 */
public enum ServerPhaseSettings {
    /** About a minute: JMH sample time at 1 thread, short iterations, a short load ladder. */
    QUICK,
    /** Adds the throughput mode, the contended thread count and a longer load ladder. */
    STANDARD,
    /** JMH's own defaults (5 forks, 5 × 10 s warm-up and measurement); long. */
    FULL;

    /** The option's value and the name results.json records ({@code serverBench.settings}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The settings named {@code value} (case and surrounding blanks ignored). */
    public static ServerPhaseSettings parse(String value) {
        String code = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("'" + value.strip() + "' is not one of " + codes() + "."));
    }

    /** The allowed values, for messages and {@code --help}. */
    public static String codes() {
        return Arrays.stream(values()).map(ServerPhaseSettings::code).collect(Collectors.joining(", "));
    }
}
