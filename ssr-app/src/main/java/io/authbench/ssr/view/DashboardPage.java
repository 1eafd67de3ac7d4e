package io.authbench.ssr.view;

import io.authbench.ssr.appwrite.AccountView;

/** The first authenticated page: the user's name (the measured element), email and account creation date. */
public record DashboardPage(AccountView user) {
    public String html() {
        String nav = "<a href=\"/profile\" data-testid=\"profile-link\">Profile</a>" + Layout.logoutButton();
        String main = """
                <h1 data-testid="user-name" elementtiming="user-name">%s</h1>
                <dl class="details">
                <dt>Email</dt><dd data-testid="user-email">%s</dd>
                <dt>Member since</dt><dd data-testid="user-created">%s</dd>
                </dl>""".formatted(Html.escape(user.name()), Html.escape(user.email()), Layout.date(user.createdAt()));
        return Layout.page("Dashboard", nav, main);
    }
}
