package io.authbench.harness.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code Server-Timing} entry, e.g. {@code aw-get-account;dur=1.1} (docs/CONVENTIONS.md: one entry per
 * Appwrite call the SSR app made while answering, in call order).
 *
 * @param name       metric name
 * @param durationMs the {@code dur} parameter, NaN if absent
 */
public record ServerTiming(String name, double durationMs) {

    /** Prefix of the entries that stand for an app→Appwrite call. */
    public static final String APPWRITE_PREFIX = "aw-";

    public boolean isAppwriteCall() {
        return name.startsWith(APPWRITE_PREFIX);
    }

    /** Parses a header value (several headers may have been joined with {@code ,} or newlines). Never throws. */
    public static List<ServerTiming> parse(String header) {
        List<ServerTiming> entries = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return entries;
        }
        for (String entry : header.split("[,\n]")) {
            String[] parts = entry.trim().split(";");
            String name = parts[0].trim();
            if (name.isEmpty()) {
                continue;
            }
            double duration = Double.NaN;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim();
                if (param.regionMatches(true, 0, "dur=", 0, 4)) {
                    try {
                        duration = Double.parseDouble(param.substring(4).replace("\"", ""));
                    } catch (NumberFormatException ignored) {
                        // a malformed dur stays NaN: the call still counts
                    }
                }
            }
            entries.add(new ServerTiming(name, duration));
        }
        return entries;
    }
}
