package io.authbench.harness.codesize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.reports.results.CodeSize;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeSizeProbeTest {
    /** Maven runs the tests in harness/; the repository root is its parent. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void every_listed_auth_path_file_exists_in_the_repository() {
        assertThat(SourceRoot.resolve(REPOSITORY)).hasValue(REPOSITORY);
        for (String file : concat(AuthPathFiles.SSR, AuthPathFiles.CSR)) {
            assertThat(REPOSITORY.resolve(file)).as("fix AuthPathFiles").isRegularFile();
        }
    }

    @Test
    void both_variants_are_measured_with_their_own_files() {
        List<CodeSize> sizes = CodeSizeProbe.measure(REPOSITORY);

        assertThat(sizes).extracting(CodeSize::variant).containsExactly("ssr", "csr");
        assertThat(sizes.get(0).files()).isEqualTo(AuthPathFiles.SSR).allMatch(f -> f.startsWith("ssr-app/"));
        assertThat(sizes.get(1).files()).isEqualTo(AuthPathFiles.CSR).allMatch(f -> f.startsWith("csr-app/"));
        assertThat(sizes).allSatisfy(size -> assertThat(size.linesOfCode()).isPositive());
    }

    @Test
    void a_source_tree_that_lost_a_listed_file_names_it(@TempDir Path tree) throws Exception {
        Files.createDirectories(tree.resolve("ssr-app"));
        Files.createDirectories(tree.resolve("csr-app"));

        assertThat(SourceRoot.resolve(tree)).isPresent();
        assertThatThrownBy(() -> CodeSizeProbe.measure(tree))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(AuthPathFiles.SSR.get(0))
                .hasMessageContaining("does not exist");
    }

    @Test
    void a_folder_without_both_apps_is_no_source_root(@TempDir Path tree) throws Exception {
        Files.createDirectories(tree.resolve("ssr-app"));

        assertThat(SourceRoot.resolve(tree)).isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
