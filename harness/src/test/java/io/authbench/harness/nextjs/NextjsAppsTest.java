package io.authbench.harness.nextjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What --nextjs checks before anything starts: the target files, the build output, Node.js's version. */
class NextjsAppsTest {
    @TempDir
    Path dir;

    @Test
    void built_apps_and_a_recent_node_give_both_launched_targets_and_their_versions() throws Exception {
        Path folder = NextjsFolders.built(dir.resolve("nextjs"), "ssr", "csr");

        NextjsApps apps = NextjsApps.locate(folder, NextjsFolders.fakeNode(dir, "20.9.0"));

        assertThat(apps.ssr().target().name()).isEqualTo("next-ssr");
        assertThat(apps.ssr().target().ssr()).isTrue();
        assertThat(apps.csr().target().name()).isEqualTo("next-csr");
        assertThat(apps.spec(false)).isSameAs(apps.csr());
        assertThat(apps.ssr().launched()).isTrue();
        assertThat(apps.ssr().start().directory())
                .isEqualTo(folder.resolve("ssr").toAbsolutePath());
        assertThat(apps.ssr().start().apiKeyEnvironment()).isEqualTo("APPWRITE_API_KEY");
        assertThat(apps.csr().start().apiKeyEnvironment())
                .as("the CSR app never gets the key")
                .isNull();
        assertThat(apps.versions())
                .containsEntry("next", "16.4.6")
                .containsEntry("node-appwrite", "14.2.0")
                .containsEntry("appwrite", "16.1.0")
                .containsEntry("node", "20.9.0");
    }

    @Test
    void the_real_target_files_are_what_the_harness_reads() throws Exception {
        // Not a copy: the files in the repository, which the nextjs module's own tests start the apps from.
        Path repo = NextjsFolders.repository();
        assertThat(Files.readString(repo.resolve("ssr/target.json"))).contains("\"name\": \"next-ssr\"");
        assertThat(Files.readString(repo.resolve("csr/target.json"))).contains("\"name\": \"next-csr\"");
    }

    @Test
    void apps_not_built_are_refused_naming_the_build_commands() throws Exception {
        Path folder = NextjsFolders.unbuilt(dir.resolve("nextjs"));

        assertThatThrownBy(() -> NextjsApps.locate(folder, NextjsFolders.fakeNode(dir, "22.1.0")))
                .isInstanceOf(NextjsApps.NotReady.class)
                .hasMessageContaining("nextjs/ssr has no node_modules (npm ci was not run)")
                .hasMessageContaining("nextjs/csr has no node_modules")
                .hasMessageContaining("mvn -B verify -Pbench -Dbench.nextjs=true")
                .hasMessageContaining("node nextjs/build-apps.mjs")
                .hasMessageContaining("or leave out --nextjs")
                .hasMessageNotContaining("Install Node.js");
    }

    @Test
    void installed_but_not_built_is_named_as_such() throws Exception {
        Path folder = NextjsFolders.built(dir.resolve("nextjs"), "ssr", "csr");
        Files.delete(folder.resolve("csr/.next/BUILD_ID"));

        assertThatThrownBy(() -> NextjsApps.locate(folder, NextjsFolders.fakeNode(dir, "20.20.2")))
                .hasMessageContaining("nextjs/csr has no build output (.next/BUILD_ID: next build was not run)")
                .hasMessageNotContaining("nextjs/ssr has");
    }

    @Test
    void node_older_than_20_9_is_refused_with_the_version_found() throws Exception {
        Path folder = NextjsFolders.built(dir.resolve("nextjs"), "ssr", "csr");

        assertThatThrownBy(() -> NextjsApps.locate(folder, NextjsFolders.fakeNode(dir, "20.8.1")))
                .hasMessageContaining("Node.js 20.8.1 is older than 20.9, the oldest Next.js 16 runs on")
                .hasMessageContaining("Install Node.js >= 20.9 and npm");
        assertThatThrownBy(() -> NextjsApps.locate(folder, NextjsFolders.fakeNode(dir, "18.19.0")))
                .hasMessageContaining("Node.js 18.19.0 is older than 20.9");
    }

    @Test
    void no_node_on_the_path_is_refused() throws Exception {
        Path folder = NextjsFolders.built(dir.resolve("nextjs"), "ssr", "csr");

        assertThatThrownBy(() ->
                        NextjsApps.locate(folder, dir.resolve("no-such-node").toString()))
                .hasMessageContaining("Node.js is not on the PATH")
                .hasMessageContaining("Install Node.js >= 20.9 and npm");
    }

    @Test
    void a_folder_without_the_apps_says_where_it_looked() {
        assertThatThrownBy(() -> NextjsApps.locate(dir, "node"))
                .hasMessageContaining(
                        "--nextjs: no Next.js app at " + dir.toAbsolutePath().resolve("ssr"))
                .hasMessageContaining("--nextjs-dir");
    }

    @Test
    void a_target_file_that_is_not_the_next_app_is_refused() throws IOException {
        Path folder = NextjsFolders.built(dir.resolve("nextjs"), "ssr", "csr");
        Path csr = folder.resolve("csr/target.json");
        Files.writeString(csr, Files.readString(csr).replace("\"next-csr\"", "\"my-csr\""));

        assertThatThrownBy(() -> NextjsApps.locate(folder, NextjsFolders.fakeNode(dir, "20.9.0")))
                .hasMessageContaining("is not the next-csr app's launched target");
    }

    @Test
    void versions_compare_numerically() {
        assertThat(NextjsApps.atLeast("20.9.0", "20.9")).isTrue();
        assertThat(NextjsApps.atLeast("20.10.0", "20.9")).isTrue();
        assertThat(NextjsApps.atLeast("22.0.0", "20.9")).isTrue();
        assertThat(NextjsApps.atLeast("20.8.9", "20.9")).isFalse();
        assertThat(NextjsApps.atLeast("v20", "20.9")).isFalse();
    }
}
