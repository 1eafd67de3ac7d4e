package io.authbench.support.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.support.docs.DocumentReferences.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    void every_fix_the_check_suggests_points_at_an_existing_heading() {
        Path root = repositoryRoot();
        List<String> broken = new ArrayList<>();
        Stream.of(
                        DocumentReferences.DESIGN_SECTIONS,
                        DocumentReferences.CONTRACT_SECTIONS,
                        DocumentReferences.PLATFORM_SECTIONS,
                        DocumentReferences.STYLE_SECTIONS)
                .map(Map::values)
                .flatMap(Collection::stream)
                .distinct()
                .sorted()
                .forEach(target -> {
                    String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                    Optional<Set<String>> anchors = DocumentReferences.anchorsOf(root, file);
                    if (anchors.isEmpty()) {
                        broken.add(target + ": no such file");
                    } else if (target.contains("#")
                            && !anchors.get().contains(target.substring(target.indexOf('#') + 1))) {
                        broken.add(target + ": no such heading; it has #" + String.join(", #", anchors.get()));
                    }
                });

        assertThat(broken).as("targets the check suggests as fixes").isEmpty();
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
