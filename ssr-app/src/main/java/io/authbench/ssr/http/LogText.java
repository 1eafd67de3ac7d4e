package io.authbench.ssr.http;

/** Makes request-derived text safe for a one-line log: a decoded %0A in a path must not forge a log line. */
public final class LogText {
    private static final int MAX_LENGTH = 200;

    private LogText() {}

    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && i < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > MAX_LENGTH ? out + "..." : out.toString();
    }
}
