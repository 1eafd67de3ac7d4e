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
    void names_of_documents_outside_the_repository_are_reported_with_their_replacement() throws IOException {
        write(
                "harness/Flow.java",
                "/** The user journeys of DESIGN §3. */",
                "/** Cookies stay same-site (platform-notes §5). */",
                "/** The SDK hangs (contract §11.1) and (appwrite-1.6-contract §3.6). */",
                "/** Lifecycles (style guide §15), per the style guide's advice. */",
                "/** See ../shared/docs/DESIGN.md for more. */");

        assertThat(problems())
                .containsExactly(
                        "harness/Flow.java:1: \"DESIGN §3\" names a document that is not in the repository -> point at docs/architecture.md#flows",
                        "harness/Flow.java:2: \"platform-notes §5\" names a document that is not in the repository -> point at docs/measurement-model.md#cookies-across-hosts",
                        "harness/Flow.java:3: \"contract §11.1\" names a document that is not in the repository -> point at docs/appwrite-behaviour.md#kotlin-server-sdk",
                        "harness/Flow.java:3: \"appwrite-1.6-contract §3.6\" names a document that is not in the repository -> point at docs/appwrite-behaviour.md#error-model",
                        "harness/Flow.java:4: \"style guide §15\" names a document that is not in the repository -> point at docs/contributing.md#lifecycles-by-cost",
                        "harness/Flow.java:4: \"the style guide\" names a document that is not in the repository -> point at docs/contributing.md",
                        "harness/Flow.java:5: \"DESIGN.md\" names a document that is not in the repository -> point at docs/architecture.md, docs/statistics.md or docs/measurement-model.md",
                        "harness/Flow.java:5: \"../shared/\" names a document that is not in the repository -> point at a document under docs/ in this repository",
                        "harness/Flow.java:5: \"../shared/docs/DESIGN.md\": no such file in the repository -> name an existing "
                                + "file, from the repository root (e.g. docs/architecture.md)");
    }

    @Test
    void a_bare_section_sign_is_reported_unless_it_follows_an_issue_number() throws IOException {
        write(
                "appwrite-emulator/README.md",
                "- **Cookies** (§5): two of them.",
                "The filmstrip (issue 5 §6) and issue #7 §2 are fine.");

        assertThat(problems())
                .containsExactly(
                        "appwrite-emulator/README.md:1: \"§5\" names a section but no document -> "
                                + "name the file and heading, e.g. docs/appwrite-behaviour.md#cookies if it meant the Appwrite contract");
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
                "/** See https://example.com/docs/design.md#x, README.md (a bare name: not checked) and harness/README.md. */");

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
        write("ssr-app/target/classes/Copy.java", "/** DESIGN §3 */");
        write("csr-app/src/main/frontend/node_modules/appwrite/README.md", "see ../shared/docs/x.md");
        write(".git/info/notes.md", "DESIGN §1");
        write("harness/notes.txt", "DESIGN §1");

        assertThat(problems()).isEmpty();
    }

    @Test
    void headings_are_slugged_as_github_does() {
        assertThat(MarkdownAnchors.of(List.of(
                        "# AuthBench",
                        "## Filmstrip (report section 6)",
                        "### X-Fallback-Cookies",
                        "## The A/A cell",
                        "## Metrics (DESIGN §6) and how each is measured",
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
                        "metrics-design-6-and-how-each-is-measured",
                        "metrics-keys",
                        "3-the-preflight-check",
                        "claims-the-verdict-rules",
                        "linked-heading",
                        "links",
                        "links-1",
                        "custom-anchor");
    }
}
