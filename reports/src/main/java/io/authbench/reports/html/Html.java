package io.authbench.reports.html;

/** The one escaping helper: every value interpolated into the page (text or attribute) goes through it. */
public final class Html {
    private Html() {}

    /** Escapes {@code & < > " '} so the value is inert in text and in quoted attributes. Null becomes "". */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
