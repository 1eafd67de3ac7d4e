package io.authbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.apptarget.TargetFiles;
import io.authbench.harness.cli.Topology;
import io.authbench.harness.transport.Sites;
import io.authbench.harness.transport.Transport;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --transport} and {@code --sites}: defaults (today's plain HTTP on localhost), the host names and Chromium's
 * resolver rules of named sites, and every combination that cannot work yet as a usage error (exit 2, one line naming
 * the problem and the fix, nothing started).
 */
class TransportOptionsTest {
    @TempDir
    Path dir;

    private RunCommandLine cli;

    @BeforeEach
    void cli() throws IOException {
        cli = new RunCommandLine(dir);
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private void assertUsageError(String expected, String... args) {
        cli.assertUsageError(expected, args);
    }

    @Test
    void neither_option_nor_the_maven_empty_values_change_todays_plain_http_on_localhost() {
        assertThat(run()).as(cli.err()).isZero();
        assertThat(run("--transport=", "--sites=")).as(cli.err()).isZero();

        assertThat(cli.received()).allSatisfy(options -> {
            Topology topology = options.topology();
            assertThat(topology.transport()).isEqualTo(Transport.HTTP);
            assertThat(topology.sites()).isEqualTo(Sites.LOCALHOST);
            assertThat(topology.scheme()).isEqualTo("http");
            assertThat(topology.links().publicHost()).isEqualTo("localhost");
            assertThat(topology.links().appwriteHost()).isEqualTo("localhost");
            assertThat(topology.browserFlags()).isEmpty();
        });
    }

    @Test
    void https_alone_keeps_localhost_for_every_party() {
        assertThat(run("--transport=https")).as(cli.err()).isZero();

        Topology topology = cli.received().get(0).topology();
        assertThat(topology.transport()).isEqualTo(Transport.HTTPS);
        assertThat(topology.scheme()).isEqualTo("https");
        assertThat(topology.sites()).isEqualTo(Sites.LOCALHOST);
        assertThat(topology.links().publicHost()).isEqualTo("localhost");
        assertThat(topology.browserFlags()).isEmpty();
    }

    @Test
    void named_sites_give_the_app_and_appwrite_their_own_names_which_chromium_maps_to_the_links() {
        assertThat(run("--sites=same")).as(cli.err()).isZero();
        assertThat(run("--sites=cross", "--transport=https")).as(cli.err()).isZero();
        assertThat(run("--sites=same", "--link-host=0.0.0.0")).as(cli.err()).isZero();

        Topology same = cli.received().get(0).topology();
        assertThat(same.links().publicHost()).isEqualTo("app.example.com");
        assertThat(same.links().appwriteHost()).isEqualTo("api.example.com");
        assertThat(same.browserFlags())
                .containsExactly("--host-resolver-rules=MAP app.example.com 127.0.0.1, MAP api.example.com 127.0.0.1");
        Topology cross = cli.received().get(1).topology();
        assertThat(cross.links().publicHost()).isEqualTo("app.example.com");
        assertThat(cross.links().appwriteHost()).isEqualTo("appwrite.example.net");
        assertThat(cross.browserFlags())
                .containsExactly(
                        "--host-resolver-rules=MAP app.example.com 127.0.0.1, MAP appwrite.example.net 127.0.0.1");
        // Links on every interface: the browser here still reaches them at loopback.
        assertThat(cli.received().get(2).topology().browserFlags().get(0)).contains("MAP app.example.com 127.0.0.1");
    }

    @Test
    void bad_values_are_usage_errors_naming_the_choices() {
        assertUsageError("--transport: 'ftp' is not a transport; use http or https (default http).", "--transport=ftp");
        assertUsageError(
                "--sites: 'x' is not a choice of sites; use localhost, same, cross (default localhost).", "--sites=x");
    }

    @Test
    void https_with_the_nextjs_apps_is_a_usage_error() {
        assertUsageError(
                "--transport=https with --nextjs: the Next.js apps run with 'next start', which serves plain HTTP only;"
                        + " leave out --nextjs, or use --transport=http.",
                "--transport=https",
                "--nextjs");
    }

    @Test
    void https_with_a_target_app_is_a_usage_error() {
        String ssr = TargetFiles.bundled("bundled-ssr.json").toString();
        String csr = TargetFiles.bundled("bundled-csr.json").toString();
        assertUsageError(
                "--transport=https with --target: the harness cannot give a target app a certificate",
                "--transport=https",
                "--target=" + ssr + "," + csr);
    }

    @Test
    void https_with_an_external_appwrite_is_a_usage_error() {
        assertUsageError(
                "--transport=https with --appwrite-endpoint: the run's certificates are for the bundled emulator",
                "--transport=https",
                "--appwrite-endpoint=https://cloud.appwrite.io/v1",
                "--appwrite-project=p");
    }

    @Test
    void https_or_named_sites_with_a_remote_browser_are_usage_errors() {
        assertUsageError(
                "--transport=https with --browser-ws: the browser trusts the run's authority through an NSS database"
                        + " made on this machine",
                "--transport=https",
                "--browser-ws=ws://127.0.0.1:3000/");
        assertUsageError(
                "--transport=https with --selenium-grid:",
                "--transport=https",
                "--selenium-grid=http://127.0.0.1:4444");
        assertUsageError(
                "--sites=same with --browser-ws: the host names are mapped to this machine's links",
                "--sites=same",
                "--browser-ws=ws://127.0.0.1:3000/");
    }

    @Test
    void cross_site_needs_https_and_named_sites_choose_the_host_names_alone() {
        assertUsageError("--sites=cross needs --transport=https", "--sites=cross");
        assertUsageError(
                "--sites=same with --public-host: the sites set the host names themselves",
                "--sites=same",
                "--public-host=bench.lan");
        assertUsageError(
                "--sites=same with --csr-session-path=cookie: both choose the browser's host names",
                "--sites=same",
                "--csr-session-path=cookie");
        assertUsageError(
                "--sites=same with --appwrite-endpoint: the sites name the bundled emulator's host",
                "--sites=same",
                "--appwrite-endpoint=http://127.0.0.1:1/v1",
                "--appwrite-project=p");
    }
}
