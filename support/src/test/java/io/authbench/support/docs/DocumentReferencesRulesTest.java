package io.authbench.support.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.support.docs.DocumentReferences.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of {@link DocumentReferences} and {@link MarkdownAnchors}, on small repositories built in a temp folder. */
class DocumentReferencesRulesTest {
    @TempDir
    Path root;

    private void write(String path, String... lines) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
    }

    private List<String> problems() {
        return DocumentReferences.scan(root).stream().map(Problem::toString).toList();
    }

    @Test
    void references_into_documents_outside_the_repository_are_reported() throws IOException {
        write("README.md", "# AuthBench");
        write(
                "harness/Flow.java",
                "/** The user journeys of NOTES §3 and (§ 11.1). */",
                "/** See ../../elsewhere/notes.md and ../../../outside/ for more. */",
                "/** The filmstrip (issue 5 §6) and issue #7 §2 are fine, as are ../README.md and README.md. */",
                "/** See notes.md, a name no file here has. */");
        write("csr-app/pom.xml", "<directory>${project.basedir}/../shared-web</directory>");

        assertThat(problems())
                .containsExactly(
                        "harness/Flow.java:1: \"NOTES §3\" names a section of a document that is not in the repository -> "
                                + "name the file and heading under docs/ that explain it (e.g. docs/architecture.md#flows)",
                        "harness/Flow.java:1: \"§ 11.1\" names a section of a document that is not in the repository -> "
                                + "name the file and heading under docs/ that explain it (e.g. docs/architecture.md#flows)",
                        "harness/Flow.java:2: \"../../elsewhere/notes.md\" leaves the repository -> point at a document "
                                + "under docs/ in this repository",
                        "harness/Flow.java:2: \"../../../outside\" leaves the repository -> point at a document under "
                                + "docs/ in this repository",
                        "harness/Flow.java:2: \"../../elsewhere/notes.md\": no such file in the repository -> name an "
                                + "existing file, from the repository root (e.g. docs/architecture.md)",
                        "harness/Flow.java:4: \"notes.md\": no Markdown file of the repository has this name -> name an "
                                + "existing file, from the repository root (e.g. docs/architecture.md)");
    }

    @Test
    void a_mention_of_a_missing_document_or_heading_is_reported_and_an_existing_one_is_not() throws IOException {
        write(
                "docs/architecture.md",
                "# Architecture",
                "## Links",
                "## The A/A cell",
                "```",
                "## Not a heading",
                "```");
        write(
                "harness/src/main/java/Links.java",
                "/** See docs/architecture.md#links and docs/architecture.md#the-aa-cell. */",
                "/** See docs/architecture.md#not-a-heading. */",
                "/** See docs/design.md. */",
                "/** See https://example.com/docs/design.md#x, architecture.md (a bare name of a file here) and harness/README.md. */");

        assertThat(problems())
                .containsExactly(
                        "harness/src/main/java/Links.java:2: \"docs/architecture.md#not-a-heading\": docs/architecture.md has no "
                                + "heading #not-a-heading -> use one of its anchors: #architecture, #links, #the-aa-cell",
                        "harness/src/main/java/Links.java:3: \"docs/design.md\": no such file in the repository -> name an "
                                + "existing file, from the repository root (e.g. docs/architecture.md)",
                        "harness/src/main/java/Links.java:4: \"harness/README.md\": no such file in the repository -> name an "
                                + "existing file, from the repository root (e.g. docs/architecture.md)");
    }

    @Test
    void markdown_links_resolve_against_the_linking_file_as_on_github() throws IOException {
        write("docs/statistics.md", "# Statistics", "## Verdict");
        write(
                "reports/README.md",
                "[ok](../docs/statistics.md#verdict), [same file](#reports) and [web](https://appwrite.io/docs#x).",
                "# Reports",
                "[wrong folder](docs/statistics.md) and [no heading](../docs/statistics.md#pairs).");

        assertThat(problems())
                .containsExactly(
                        "reports/README.md:3: link to \"docs/statistics.md\": no such file -> link to a file of the "
                                + "repository, relative to reports/",
                        "reports/README.md:3: link to \"../docs/statistics.md#pairs\": docs/statistics.md has no heading #pairs "
                                + "-> use one of its anchors: #statistics, #verdict");
    }

    @Test
    void build_outputs_dependencies_and_other_file_types_are_not_scanned() throws IOException {
        write("ssr-app/target/classes/Copy.java", "/** NOTES §3 */");
        write("csr-app/src/main/frontend/node_modules/appwrite/README.md", "see ../elsewhere/x.md");
        write(".git/info/notes.md", "NOTES §1");
        write("harness/notes.txt", "NOTES §1");

        assertThat(problems()).isEmpty();
    }

    @Test
    void headings_are_slugged_as_github_does() {
        assertThat(MarkdownAnchors.of(List.of(
                        "# AuthBench",
                        "## Filmstrip (report section 6)",
                        "### X-Fallback-Cookies",
                        "## The A/A cell",
                        "## Metrics (NOTES §6) and how each is measured",
                        "### `metrics` keys",
                        "## 3. The preflight check",
                        "### Claims: the verdict rules",
                        "## [Linked](other.md) heading ##",
                        "## Links",
                        "## Links",
                        "<a name=\"custom-anchor\"></a>")))
                .containsExactly(
                        "authbench",
                        "filmstrip-report-section-6",
                        "x-fallback-cookies",
                        "the-aa-cell",
                        "metrics-notes-6-and-how-each-is-measured",
                        "metrics-keys",
                        "3-the-preflight-check",
                        "claims-the-verdict-rules",
                        "linked-heading",
                        "links",
                        "links-1",
                        "custom-anchor");
    }
}
