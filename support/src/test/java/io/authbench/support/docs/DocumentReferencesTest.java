package io.authbench.support.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.support.docs.DocumentReferences.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the repository self-contained: every document a file refers to is in the repository, and every
 * {@code file.md#anchor} names a heading that exists. The rules are in {@link DocumentReferences}; how references are
 * written is in docs/contributing.md#documentation.
 */
class DocumentReferencesTest {

    @Test
    void every_reference_in_the_repository_points_at_a_file_and_heading_in_it() {
        List<Problem> problems = DocumentReferences.scan(repositoryRoot());

        assertThat(problems)
                .as(
                        "References a clone of the repository cannot follow (%d). Each line: file:line: what -> fix.%n%s%n",
                        problems.size(),
                        problems.stream().map(Problem::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void the_heading_the_fixes_suggest_exists() {
        String target = DocumentReferences.EXAMPLE_FIX;
        Optional<Set<String>> anchors =
                DocumentReferences.anchorsOf(repositoryRoot(), target.substring(0, target.indexOf('#')));

        assertThat(anchors).as(target).isPresent();
        assertThat(anchors.get()).as(target).contains(target.substring(target.indexOf('#') + 1));
    }

    /** The folder above this module whose pom lists the module (Maven runs tests in the module's folder). */
    static Path repositoryRoot() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath()
                .normalize();
        for (Path dir = module; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>support</module>")) {
                    return dir;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + pom, e);
            }
        }
        throw new IllegalStateException("no parent pom.xml listing <module>support</module> above " + module
                + "; run the test from the repository (mvn -pl support verify)");
    }
}
