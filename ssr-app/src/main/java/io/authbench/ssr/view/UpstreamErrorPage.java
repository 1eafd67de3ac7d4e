package io.authbench.ssr.view;

/** Appwrite could not be used: a sentence saying why, and a way to try again. Never an exception's text. */
public record UpstreamErrorPage(String sentence) {
    public String html() {
        String main = """
                <h1>Service unavailable</h1>
                <p class="error" role="alert" data-testid="upstream-error">%s</p>
                <p><a href="/" data-testid="retry-link">Try again</a></p>""".formatted(Html.escape(sentence));
        return Layout.page("Service unavailable", "", main);
    }
}
