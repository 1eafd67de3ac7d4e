package io.authbench.ssr.view;

/** The one HTML escape every interpolated value goes through (text and attribute values alike). */
public final class Html {
    private Html() {}

    /** Escapes {@code & < > " '} so the text is shown literally, never interpreted as markup. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
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
