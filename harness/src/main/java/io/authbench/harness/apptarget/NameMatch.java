package io.authbench.harness.apptarget;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a target's content element must show the signed-in user's name: the whole text ({@link Mode#EXACT}, the
 * bundled apps' contract), somewhere in it ({@link Mode#CONTAINS}, e.g. "Welcome back, Ada!"), or a regular
 * expression with a {@code {name}} placeholder ({@link Mode#REGEX}, e.g. {@code ^Welcome back, {name}!$}).
 *
 * <p>The text is compared after {@link #normalise}: whitespace runs become one space and the ends are trimmed, as a
 * reader sees the text. The same rule runs in the page (content-watch.js gets {@link #mode} and {@link #expected}),
 * so the in-page watcher and the harness's check never disagree: a regular expression is therefore searched (not
 * matched whole; anchor it with {@code ^…$}) and must use syntax that Java and JavaScript read alike.
 *
 * @param mode     the comparison
 * @param template {@link Mode#REGEX} only: the expression with {@code {name}} where the (literal) name goes
 */
public record NameMatch(Mode mode, String template) {
    /** The placeholder of a regular expression's name. */
    public static final String PLACEHOLDER = "{name}";
    /** The whole text is the name (the default). */
    public static final NameMatch EXACT = new NameMatch(Mode.EXACT, null);
    /** The text contains the name. */
    public static final NameMatch CONTAINS = new NameMatch(Mode.CONTAINS, null);

    /** The comparisons; {@link #code} is the spelling in target files and in content-watch.js. */
    public enum Mode {
        EXACT("exact"),
        CONTAINS("contains"),
        REGEX("regex");

        private final String code;

        Mode(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public NameMatch {
        Objects.requireNonNull(mode, "mode");
        if ((mode == Mode.REGEX) != (template != null)) {
            throw new IllegalArgumentException("a template is for (and required by) the regex mode");
        }
    }

    /**
     * A regular expression with the {@link #PLACEHOLDER}.
     *
     * @throws IllegalArgumentException with a sentence naming the problem (no placeholder, or bad syntax)
     */
    public static NameMatch regex(String template) {
        if (!template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("'" + template + "' has no " + PLACEHOLDER + " placeholder, so it would"
                    + " not check the name; write where the name goes, e.g. \"^Welcome back, {name}!$\"");
        }
        NameMatch match = new NameMatch(Mode.REGEX, template);
        try {
            Pattern.compile(match.expected("Ada Lovelace 1"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + template + "' is not a regular expression (" + e.getDescription()
                    + " near index " + e.getIndex() + ")");
        }
        return match;
    }

    /** True if {@code shownText} (as the page shows it; null = no element) shows {@code name} by this rule. */
    public boolean matches(String shownText, String name) {
        if (shownText == null) {
            return false;
        }
        String text = normalise(shownText);
        return switch (mode) {
            case EXACT -> text.equals(name);
            case CONTAINS -> text.contains(name);
            case REGEX -> Pattern.compile(expected(name)).matcher(text).find();
        };
    }

    /**
     * What the page compares with: the name (exact, contains) or the expression with the name in it, escaped so
     * that every character of the name is literal in both Java and JavaScript.
     */
    public String expected(String name) {
        return mode == Mode.REGEX ? template.replace(PLACEHOLDER, escape(name)) : name;
    }

    /** For messages and results: {@code exact}, {@code contains} or {@code regex /…/}. */
    public String describe() {
        return mode == Mode.REGEX ? "regex /" + template + "/" : mode.code();
    }

    /** Whitespace runs (Unicode, as JavaScript's {@code \s}) to one space, ends trimmed. */
    public static String normalise(String text) {
        return text.replaceAll("(?U)\\s+", " ").strip();
    }

    /** Backslash before every character that is special in a Java or JavaScript regular expression. */
    static String escape(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 8);
        for (char c : literal.toCharArray()) {
            if ("\\^$.|?*+()[]{}/-".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
