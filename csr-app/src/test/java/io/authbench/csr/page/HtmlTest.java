package io.authbench.csr.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void the_five_html_special_characters_are_escaped() {
        assertThat(Html.escape("<img src=x onerror=\"alert('1')\">&"))
                .isEqualTo("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;");
    }
}
