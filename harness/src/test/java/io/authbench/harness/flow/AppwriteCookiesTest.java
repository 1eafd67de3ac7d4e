package io.authbench.harness.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import io.authbench.harness.check.CookieCheck;
import io.authbench.testsupport.browser.BrowserExtension;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The set-up CSR cookies are the ones Appwrite's Set-Cookie leaves in a real Chromium (over http and https), and the
 * correctness check accepts exactly those. Each test's cookies go into a fresh context ({@link BrowserExtension}).
 */
@ExtendWith(BrowserExtension.class)
class AppwriteCookiesTest {
    private static final IssuedSession SESSION = new IssuedSession(
            "eyJpZCI6InUxIiwic2VjcmV0IjoiczEifQ==", Instant.now().plusSeconds(3600));

    @Test
    void over_http_the_browser_keeps_the_legacy_cookie_host_only_and_the_check_accepts_it(BrowserContext context) {
        URI appwrite = URI.create("http://localhost:41234/v1");
        List<Cookie> kept = keptBy(context, appwrite);

        assertThat(kept).extracting(c -> c.name).containsExactly("a_session_authbench_legacy");
        Cookie legacy = kept.get(0);
        assertThat(legacy.domain).isEqualTo("localhost");
        assertThat(legacy.httpOnly).isTrue();
        assertThat(legacy.secure).isFalse();
        assertThat(legacy.value)
                .isEqualTo("eyJpZCI6InUxIiwic2VjcmV0IjoiczEifQ%3D%3D"); // URL-encoded, as Appwrite sends it
        assertThat(problem(kept, "AuthBench", appwrite, true)).isEmpty();
    }

    @Test
    void over_https_both_cookies_are_secure_on_the_api_domain_and_the_check_wants_the_samesite_none_one(
            BrowserContext context) {
        URI appwrite = URI.create("https://cloud.appwrite.example/v1");
        List<Cookie> kept = keptBy(context, appwrite);

        assertThat(kept)
                .extracting(c -> c.name)
                .containsExactlyInAnyOrder("a_session_authbench_legacy", "a_session_authbench");
        Cookie crossSite = kept.stream()
                .filter(c -> c.name.equals("a_session_authbench"))
                .findFirst()
                .orElseThrow();
        assertThat(crossSite.sameSite).isEqualTo(SameSiteAttribute.NONE);
        assertThat(crossSite.secure).isTrue();
        assertThat(crossSite.domain).isEqualTo(".cloud.appwrite.example");
        assertThat(problem(kept, "AuthBench", appwrite, true)).isEmpty();
    }

    @Test
    void over_https_a_legacy_cookie_alone_fails_the_check_with_the_reason(BrowserContext context) {
        URI appwrite = URI.create("https://cloud.appwrite.example/v1");
        List<Cookie> legacyOnly = keptBy(context, appwrite).stream()
                .filter(c -> c.name.endsWith("_legacy"))
                .toList();

        Optional<String> problem = problem(legacyOnly, "authbench", appwrite, true);
        assertThat(problem).hasValue("no session cookie a_session_authbench after signing in");
    }

    @Test
    void a_lax_or_insecure_cookie_over_https_is_named_as_the_problem() {
        URI appwrite = URI.create("https://cloud.appwrite.example/v1");
        Cookie lax = new Cookie("a_session_authbench", "v")
                .setDomain(".cloud.appwrite.example")
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(true)
                .setSameSite(SameSiteAttribute.LAX);
        Cookie insecure = new Cookie("a_session_authbench", "v")
                .setDomain(".cloud.appwrite.example")
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(false)
                .setSameSite(SameSiteAttribute.NONE);

        assertThat(problem(List.of(lax), "authbench", appwrite, true))
                .hasValueSatisfying(p -> assertThat(p).contains("SameSite=Lax", "expected None"));
        assertThat(problem(List.of(insecure), "authbench", appwrite, true))
                .hasValueSatisfying(p -> assertThat(p).contains("is not Secure"));
    }

    @Test
    void after_sign_out_any_remaining_session_cookie_is_a_problem(BrowserContext context) {
        URI appwrite = URI.create("http://localhost:41234/v1");
        assertThat(problem(keptBy(context, appwrite), "authbench", appwrite, false))
                .hasValue("the session cookie a_session_authbench_legacy is still set after the session ended");
        assertThat(problem(List.of(), "authbench", appwrite, false)).isEmpty();
    }

    /** The CSR cookie check as the flows apply it. */
    private static Optional<String> problem(
            List<Cookie> cookies, String projectId, URI appwrite, boolean expectSignedIn) {
        return CookieCheck.check(
                        cookies,
                        AppwriteCookies.sentCookieName(projectId, appwrite),
                        false,
                        AppwriteCookies.isHttps(appwrite),
                        expectSignedIn)
                .problem();
    }

    /** What Chromium keeps after the set-up hands it the cookies (it would refuse malformed ones). */
    private static List<Cookie> keptBy(BrowserContext context, URI appwrite) {
        context.addCookies(AppwriteCookies.forSession("AuthBench", appwrite, SESSION));
        return context.cookies();
    }
}
