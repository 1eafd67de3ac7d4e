package io.authbench.ssr.view;

/** A plain page for the remaining answers (not found, cross-site form, too large, internal error). */
public record MessagePage(String heading, String sentence) {
    public String html() {
        String main = """
                <h1>%s</h1>
                <p>%s</p>
                <p><a href="/">Home</a></p>""".formatted(Html.escape(heading), Html.escape(sentence));
        return Layout.page(heading, "", main);
    }
}
