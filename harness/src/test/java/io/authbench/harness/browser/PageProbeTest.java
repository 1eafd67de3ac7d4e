package io.authbench.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The string literals the init scripts are built with read back as the very strings given. */
class PageProbeTest {
    @Test
    void a_js_string_literal_reads_back_as_the_text_with_quotes_backslashes_and_line_breaks() throws Exception {
        String text = "Ada \"Countess\" O'Lovelace \\ </script>\n\r\t\u2028\u2029 [data-testid=user-name] é";

        String literal = PageProbe.jsString(text);

        assertThat(literal).startsWith("\"").endsWith("\"").doesNotContain("\n", "\r");
        assertThat(new ObjectMapper().readValue(literal, String.class)).isEqualTo(text);
    }
}
