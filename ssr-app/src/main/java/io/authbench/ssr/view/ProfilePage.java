package io.authbench.ssr.view;

import io.authbench.ssr.appwrite.AccountView;

/** The second authenticated page, reached from the dashboard: the same user's details under its own heading. */
public record ProfilePage(AccountView user) {
    public String html() {
        String nav = "<a href=\"/dashboard\" data-testid=\"dashboard-link\">Dashboard</a>" + Layout.logoutButton();
        String main = """
                <h1 data-testid="profile-name" elementtiming="profile-name">%s</h1>
                <dl class="details">
                <dt>User ID</dt><dd data-testid="user-id">%s</dd>
                <dt>Email</dt><dd data-testid="user-email">%s</dd>
                <dt>Email verified</dt><dd data-testid="user-email-verified">%s</dd>
                <dt>Member since</dt><dd data-testid="user-created">%s</dd>
                </dl>""".formatted(
                        Html.escape(user.name()),
                        Html.escape(user.id()),
                        Html.escape(user.email()),
                        user.emailVerified() ? "yes" : "no",
                        Layout.date(user.createdAt()));
        return Layout.page("Profile", nav, main);
    }
}
