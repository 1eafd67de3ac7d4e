package io.authbench.emulator.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Appwrite's datetime format: UTC, exactly three fractional digits and {@code +00:00}, never {@code Z}. */
public final class Dates {
    private Dates() {}

    /**
     * Formats an instant the way Appwrite does ({@code 2025-11-27T06:48:12.345+00:00}); {@code null} is Appwrite's
     * "empty datetime", {@code ""}. Hand-assembled because it runs several times per response on the hot path and
     * {@code DateTimeFormatter} formats fractions through {@code BigDecimal}.
     */
    public static String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(29);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        pad(out, t.getNano() / 1_000_000, 3);
        return out.append("+00:00").toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
