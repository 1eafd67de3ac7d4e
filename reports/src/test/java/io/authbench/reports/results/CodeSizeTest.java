package io.authbench.reports.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeSizeTest {
    @TempDir
    Path repo;

    @Test
    void blank_lines_and_comments_do_not_count_but_code_next_to_a_comment_does() throws Exception {
        Files.createDirectories(repo.resolve("app"));
        Files.writeString(repo.resolve("app/Login.java"), """
                /**
                 * Javadoc.
                 */
                package app;

                // a line comment
                class Login { /* inline */
                    int x = 1; // trailing
                    /* one-line block */
                    int y = 2; /* starts a block
                       still comment
                    */ int z = 3;
                }
                """);
        Files.writeString(repo.resolve("app/auth.js"), "// js\nexport const a = 1;\n\n/* x */ export const b = 2;\n");

        CodeSize size = CodeSize.measure("ssr", repo, List.of("app/Login.java", "app/auth.js"));

        // package, class, int x, int y, int z, closing brace + two JS exports
        assertThat(size.linesOfCode()).isEqualTo(8);
        assertThat(size.files()).containsExactly("app/Login.java", "app/auth.js");
    }

    @Test
    void a_missing_file_is_named() {
        assertThatThrownBy(() -> CodeSize.measure("csr", repo, List.of("nope.js")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("nope.js does not exist; fix the file list of csr");
    }
}
