package io.authbench.ssr.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.ssr.appwrite.AccountView;
import org.junit.jupiter.api.Test;

class PagesTest {
    private static final String MARKUP_NAME = "<img src=x onerror=alert(1)>";
    private static final AccountView USER = new AccountView(
            "6746b2f1a3c8d9e0f1a2", MARKUP_NAME, "ann@example.com", "2026-11-27T07:00:00.000+00:00", false);

    @Test
    void dashboard_shows_the_name_escaped_in_the_measured_heading() {
        String html = new DashboardPage(USER).html();

        assertThat(html)
                .contains("<h1 data-testid=\"user-name\" elementtiming=\"user-name\">"
                        + "&lt;img src=x onerror=alert(1)&gt;</h1>");
        assertThat(html).doesNotContain(MARKUP_NAME);
        assertThat(html).contains("<dd data-testid=\"user-email\">ann@example.com</dd>");
        assertThat(html).contains("<time datetime=\"2026-11-27T07:00:00.000+00:00\">2026-11-27</time>");
        assertThat(html).contains("<a href=\"/profile\" data-testid=\"profile-link\">");
        assertThat(html).contains("data-testid=\"logout\"");
    }

    @Test
    void profile_has_its_own_measured_heading_and_a_link_back() {
        String html = new ProfilePage(USER).html();

        assertThat(html).contains("<h1 data-testid=\"profile-name\" elementtiming=\"profile-name\">&lt;img");
        assertThat(html)
                .contains("data-testid=\"dashboard-link\"")
                .contains("data-testid=\"user-id\">6746b2f1a3c8d9e0f1a2<");
        assertThat(html).doesNotContain(MARKUP_NAME);
    }

    @Test
    void login_page_shows_an_error_only_when_there_is_one() {
        assertThat(new LoginPage(null).html()).doesNotContain("login-error").contains("data-testid=\"login-form\"");
        assertThat(new LoginPage("Invalid <email>").html())
                .contains("<p class=\"error\" role=\"alert\" data-testid=\"login-error\">Invalid &lt;email&gt;</p>");
    }

    @Test
    void every_page_links_the_versioned_stylesheet() {
        assertThat(new LoginPage(null).html())
                .contains("<link rel=\"stylesheet\" href=\"/assets/app.css?v=" + Stylesheet.VERSION);
        assertThat(Stylesheet.VERSION).matches("[0-9a-f]{12}");
    }

    @Test
    void a_date_that_is_not_an_appwrite_datetime_is_shown_as_it_is() {
        assertThat(Layout.date("<yesterday>"))
                .isEqualTo("<time datetime=\"&lt;yesterday&gt;\">&lt;yesterday&gt;</time>");
    }
}
