package io.authbench.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSR's session check on the fallback-only path: what the Web SDK left in localStorage.cookieFallback. */
class FallbackCheckTest {

    @Test
    void after_signing_in_the_entry_must_hold_the_projects_session() {
        assertThat(FallbackCheck.check("{\"a_session_authbench\":\"eyJpZCI6\"}", "authbench", true)
                        .problem())
                .isEmpty();
        assertThat(FallbackCheck.check(null, "authbench", true).problem())
                .hasValueSatisfying(p -> assertThat(p).startsWith("no session in localStorage.cookieFallback"));
        assertThat(FallbackCheck.check("{\"a_session_other\":\"x\"}", "authbench", true)
                        .problem())
                .isPresent();
        assertThat(FallbackCheck.check("not json", "authbench", true).problem()).isPresent();
    }

    @Test
    void after_the_session_ended_the_entry_holds_none() {
        assertThat(FallbackCheck.check("[]", "authbench", false).problem()).isEmpty();
        assertThat(FallbackCheck.check(null, "authbench", false).seen())
                .isEqualTo("localStorage.cookieFallback: absent");
        assertThat(FallbackCheck.check("{\"a_session_authbench\":\"eyJpZCI6\"}", "authbench", false)
                        .problem())
                .hasValue("localStorage.cookieFallback still holds a_session_authbench after the session ended");
    }
}
