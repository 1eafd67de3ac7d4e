package io.authbench.emulator.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Appwrite's datetime format: UTC, exactly three fractional digits and {@code +00:00}, never {@code Z}. */
public final class Dates {
    private static final DateTimeFormatter APPWRITE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private Dates() {}

    /** Formats an instant the way Appwrite does; {@code null} is Appwrite's "empty datetime", {@code ""}. */
    public static String format(Instant instant) {
        return instant == null ? "" : APPWRITE.format(instant);
    }
}
