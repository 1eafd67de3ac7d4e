package io.authbench.harness.check;

/**
 * Text a page showed, quoted for a one-line message (a sample's failure, a check's note): in single quotes, control
 * characters and line breaks escaped, whitespace runs collapsed, cut at {@link #MAX} characters with "…" so a page
 * dump can never flood results.json. (The report escapes it again for HTML.)
 */
public final class Quote {
    /** Longest quoted text, characters. */
    public static final int MAX = 120;

    private Quote() {}

    /** {@code 'text'}; {@code (nothing)} for null. */
    public static String of(String text) {
        if (text == null) {
            return "(nothing)";
        }
        String collapsed = text.replaceAll("[ \\t\\r\\n\\f]+", " ").strip();
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < collapsed.length() && shown < MAX; i++, shown++) {
            char c = collapsed.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(collapsed.length() > MAX ? "…'" : "'").toString();
    }
}
