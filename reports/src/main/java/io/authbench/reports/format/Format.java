package io.authbench.reports.format;

import java.util.Locale;

/** Number formatting shared by the page, the CSV and the console (Locale.ROOT: a dot, whatever the machine). */
public final class Format {
    private Format() {}

    /** Milliseconds: one decimal below 100 ms, none above. "—" for null. */
    public static String ms(Double value) {
        if (value == null) {
            return "—";
        }
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%.0f ms", value)
                : String.format(Locale.ROOT, "%.1f ms", value);
    }

    /** A plain number with up to {@code decimals} decimals. */
    public static String num(Double value, int decimals) {
        if (value == null) {
            return "—";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Counts and other values that are whole numbers most of the time. */
    public static String count(Double value) {
        if (value == null) {
            return "—";
        }
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    public static String bytes(Double value) {
        if (value == null) {
            return "—";
        }
        if (value < 1024) {
            return String.format(Locale.ROOT, "%.0f B", value);
        }
        if (value < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", value / 1024);
        }
        return String.format(Locale.ROOT, "%.2f MB", value / (1024 * 1024));
    }

    public static String bitsPerSecond(Long value) {
        if (value == null) {
            return "—";
        }
        if (value == 0) {
            return "unlimited";
        }
        if (value >= 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f Gbit/s", value / 1e9);
        }
        if (value >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2f Mbit/s", value / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f kbit/s", value / 1e3);
    }

    /** A ratio with three significant decimals. */
    public static String ratio(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** A p-value: 3 significant digits, or "&lt; 0.0001". */
    public static String p(Double value) {
        if (value == null) {
            return "—";
        }
        if (value < 0.0001) {
            return "< 0.0001";
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
