package io.authbench.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import io.authbench.harness.apptarget.NameMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure correctness checks: name, content without JavaScript, session cookie, and how found text is quoted. */
class ChecksTest {
    private static final String NAME = "Ada Lovelace 1";
    private static final String ELEMENT = "the user-name element (h1.greeting)";

    @Test
    void a_name_mismatch_quotes_the_text_found_and_suggests_contains_when_the_name_is_in_it() {
        assertThat(NameCheck.problem(NameMatch.EXACT, NAME, ELEMENT, "Welcome back, Ada Lovelace 1!"))
                .hasValue(
                        "expected the name 'Ada Lovelace 1' but the user-name element (h1.greeting) shows 'Welcome back, Ada"
                                + " Lovelace 1!', which the name match (exact) does not accept; the text contains the name: set"
                                + " \"nameMatch\": \"contains\" (or a regex) in the target file");
        assertThat(NameCheck.problem(NameMatch.CONTAINS, NAME, ELEMENT, "Welcome back, Ada Lovelace 1!"))
                .isEmpty();
        assertThat(NameCheck.problem(NameMatch.CONTAINS, NAME, ELEMENT, "Loading…"))
                .hasValueSatisfying(
                        p -> assertThat(p).contains("shows 'Loading…'").doesNotContain("set \"nameMatch\""));
        assertThat(NameCheck.problem(NameMatch.EXACT, NAME, ELEMENT, null))
                .hasValue("expected the name 'Ada Lovelace 1' but the user-name element (h1.greeting) is absent");
    }

    @Test
    void quoted_text_is_one_line_escaped_and_truncated() {
        assertThat(Quote.of("a\n  b\tc")).isEqualTo("'a b c'");
        assertThat(Quote.of("it's \\ \u0007")).isEqualTo("'it\\'s \\\\ \\u0007'");
        String quoted = Quote.of("x".repeat(500));
        assertThat(quoted).hasSize(Quote.MAX + 3).endsWith("…'");
        assertThat(Quote.of(null)).isEqualTo("(nothing)");
    }

    @Test
    void content_without_js_is_judged_by_the_name_match_and_not_measured_when_the_html_disagrees() {
        String html = "<main><h1 class=\"greeting\">Welcome back, Ada Lovelace 1!</h1></main>";
        ContentWithoutJs exact =
                ContentWithoutJs.judge(NameMatch.EXACT, NAME, ELEMENT, "Welcome back, Ada Lovelace 1!", html);
        assertThat(exact.present())
                .as("the HTML carries the name: never 'false'")
                .isNull();
        assertThat(exact.note())
                .startsWith("not measured: the HTML contains the name but the user-name element")
                .contains("'Welcome back, Ada Lovelace 1!'");

        assertThat(ContentWithoutJs.judge(NameMatch.CONTAINS, NAME, ELEMENT, "Welcome back, Ada Lovelace 1!", html)
                        .present())
                .isTrue();
        // CSR: a shell without the name is a real "no".
        ContentWithoutJs csr = ContentWithoutJs.judge(NameMatch.EXACT, NAME, ELEMENT, null, "<div id=root></div>");
        assertThat(csr.present()).isFalse();
        assertThat(csr.note()).contains("does not contain the name").contains("is absent");
        // A selector that misses an element the HTML has: not measured, never "false".
        assertThat(ContentWithoutJs.judge(NameMatch.CONTAINS, NAME, ELEMENT, null, html)
                        .present())
                .isNull();
        assertThat(ContentWithoutJs.judge(NameMatch.CONTAINS, NAME, ELEMENT, null, null)
                        .note())
                .startsWith("not measured: the page's HTML could not be read");
        // The name HTML-escaped in the page counts as present.
        assertThat(ContentWithoutJs.judge(NameMatch.EXACT, "Ada & Bo", ELEMENT, "Hi", "<p>Ada &amp; Bo</p>")
                        .present())
                .isNull();
    }

    @Test
    void an_ssr_cookie_stricter_than_lax_passes_and_what_was_seen_is_recorded() {
        Cookie strict = ssrCookie(SameSiteAttribute.STRICT).setSecure(true);
        CookieCheck.Result result = CookieCheck.check(List.of(strict), "wa_session", true, false, true);
        assertThat(result.problem()).isEmpty();
        assertThat(result.seen()).isEqualTo("wa_session: HttpOnly, Secure, SameSite=Strict, Path=/, Domain=localhost");

        assertThat(CookieCheck.check(List.of(ssrCookie(SameSiteAttribute.LAX)), "wa_session", true, false, true)
                        .problem())
                .isEmpty();
        assertThat(CookieCheck.check(List.of(ssrCookie(SameSiteAttribute.NONE)), "wa_session", true, false, true)
                        .problem())
                .hasValue("the session cookie wa_session has SameSite=None, expected Lax or the stricter Strict");
        assertThat(CookieCheck.check(
                                List.of(ssrCookie(SameSiteAttribute.STRICT).setHttpOnly(false)),
                                "wa_session",
                                true,
                                false,
                                true)
                        .problem())
                .hasValueSatisfying(p -> assertThat(p).contains("is not HttpOnly"));
    }

    @Test
    void an_ended_session_and_an_unknown_cookie_are_recorded_too() {
        CookieCheck.Result gone = CookieCheck.check(List.of(), "wa_session", true, false, false);
        assertThat(gone.problem()).isEmpty();
        assertThat(gone.seen()).isEqualTo("wa_session: absent");
        assertThat(CookieCheck.check(List.of(ssrCookie(SameSiteAttribute.STRICT)), "wa_session", true, false, false)
                        .problem())
                .hasValue("the session cookie wa_session is still set after the session ended");
        assertThat(CookieCheck.check(List.of(), null, true, false, true).seen()).startsWith("not checked");
    }

    private static Cookie ssrCookie(SameSiteAttribute sameSite) {
        return new Cookie("wa_session", "secret")
                .setDomain("localhost")
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(false)
                .setSameSite(sameSite);
    }
}
