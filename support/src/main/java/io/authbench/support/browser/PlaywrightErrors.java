package io.authbench.support.browser;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Playwright's multi-line error text (an {@code Error { message='…' … }} block plus a call log full of
 * browser flags) into one sentence with what matters: the message, the browser's exit code and its stderr.
 */
public final class PlaywrightErrors {
    private static final Pattern MESSAGE = Pattern.compile("message='([^\\n']*)");
    private static final Pattern BROWSER_STDERR = Pattern.compile("\\[pid=\\d+]\\[err] (.+)");
    private static final Pattern EXIT = Pattern.compile("<process did exit: exitCode=(\\d+|null), signal=(\\w+)>");
    private static final int MAX_STDERR_LINES = 5;

    private PlaywrightErrors() {}

    /** One line for a Playwright error message; {@code "(no message)"} for none. */
    public static String summarize(String playwrightMessage) {
        if (playwrightMessage == null || playwrightMessage.isBlank()) {
            return "(no message)";
        }
        StringBuilder summary = new StringBuilder(headline(playwrightMessage));
        Matcher exit = EXIT.matcher(playwrightMessage);
        if (exit.find()) {
            summary.append(
                    !"null".equals(exit.group(1))
                            ? "; the browser exited with code " + exit.group(1)
                            : "; the browser was killed by " + exit.group(2));
        }
        Set<String> stderr = new LinkedHashSet<>();
        Matcher line = BROWSER_STDERR.matcher(playwrightMessage);
        while (line.find() && stderr.size() < MAX_STDERR_LINES) {
            stderr.add(line.group(1).strip());
        }
        if (!stderr.isEmpty()) {
            summary.append("; its stderr: ").append(String.join(" | ", stderr));
        }
        return summary.toString();
    }

    private static String headline(String text) {
        Matcher message = MESSAGE.matcher(text);
        if (message.find() && !message.group(1).isBlank()) {
            return message.group(1).strip();
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
