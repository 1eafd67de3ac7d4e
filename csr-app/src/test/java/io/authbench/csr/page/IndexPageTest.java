package io.authbench.csr.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexPageTest {
    private static final FrontEndBundle BUNDLE =
            new FrontEndBundle("/assets/app-ABC.js", "/assets/app-style-DEF.css", Map.of());

    @Test
    void the_runtime_config_is_json_in_a_meta_tag_escaped_for_an_attribute() {
        String html = new String(
                IndexPage.render(BUNDLE, "http://localhost:8080/v1", "authbench", 5000)
                        .body(),
                StandardCharsets.UTF_8);

        assertThat(html)
                .contains("<meta name=\"authbench-config\" content=\""
                        + "{&quot;endpoint&quot;:&quot;http://localhost:8080/v1&quot;,&quot;project&quot;:&quot;authbench&quot;,"
                        + "&quot;timeoutMillis&quot;:5000}\">");
    }

    @Test
    void markup_in_a_config_value_cannot_leave_the_attribute() {
        String html = IndexPage.html(BUNDLE, IndexPage.configJson("http://x/\"><script>alert(1)</script>", "p'&", 1));

        assertThat(html)
                .doesNotContain("<script>alert(1)")
                .containsPattern("\n<meta name=\"authbench-config\" content=\"[^\"<>]*\">\n")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("p&#39;&amp;");
    }

    @Test
    void the_page_links_the_hashed_stylesheet_and_a_deferred_script_and_has_no_inline_script() {
        String html = IndexPage.html(BUNDLE, "{}");

        assertThat(html)
                .contains("<link rel=\"stylesheet\" href=\"/assets/app-style-DEF.css\">")
                .contains("<script defer src=\"/assets/app-ABC.js\"></script>")
                .doesNotContain("<script>")
                .doesNotContain("style=");
    }

    @Test
    void the_page_is_html_with_an_entity_tag() {
        Asset page = IndexPage.render(BUNDLE, "http://localhost:8080/v1", "authbench", 5000);

        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.etag()).matches("W/\"[0-9a-f]{24}\"");
    }
}
