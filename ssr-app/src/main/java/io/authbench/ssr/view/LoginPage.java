package io.authbench.ssr.view;

/**
 * The sign-in form ({@code POST /login}), with an optional error from the last attempt.
 *
 * @param error     a sentence for the user, or null
 */
public record LoginPage(String error) {
    public String html() {
        String errorBlock = error == null
                ? ""
                : "<p class=\"error\" role=\"alert\" data-testid=\"login-error\">" + Html.escape(error) + "</p>\n";
        String main = """
                <h1 data-testid="login-heading" elementtiming="login-heading">Sign in</h1>
                %s<form class="login" data-testid="login-form" method="post" action="/login">
                <label>Email<input type="email" name="email" autocomplete="username" required></label>
                <label>Password<input type="password" name="password" autocomplete="current-password" required></label>
                <button type="submit" data-testid="login-submit">Sign in</button>
                </form>""".formatted(errorBlock);
        return Layout.page("Sign in", "", main);
    }
}
