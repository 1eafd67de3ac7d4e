package io.authbench.ssr.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void markup_characters_are_escaped() {
        assertThat(Html.escape("<img src=x onerror=\"alert(1)\">&'"))
                .isEqualTo("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;");
    }

    @Test
    void plain_text_and_null_pass_through() {
        assertThat(Html.escape("Ann Smith – ü")).isEqualTo("Ann Smith – ü");
        assertThat(Html.escape(null)).isEmpty();
    }
}
