package io.authbench.csr.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    @Test
    void the_policy_allows_the_page_itself_and_exactly_the_appwrite_origin() {
        assertThat(ContentSecurityPolicy.allowingAppwrite("http://localhost:41234"))
                .isEqualTo(
                        "default-src 'self'; connect-src 'self' http://localhost:41234; script-src 'self'; style-src 'self';"
                                + " img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    }

    @Test
    void an_origin_that_would_inject_a_directive_is_refused() {
        assertThatThrownBy(() -> ContentSecurityPolicy.allowingAppwrite("http://a; script-src *"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
