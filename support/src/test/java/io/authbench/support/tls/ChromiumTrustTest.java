package io.authbench.support.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import io.authbench.support.SupportException;
import io.authbench.support.browser.Browsers;
import io.authbench.support.browser.LaunchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Chromium with a run's NSS database: it trusts that run's root, and an untrusting one refuses. */
class ChromiumTrustTest {
    @TempDir
    Path run;

    @Test
    void the_database_holds_the_run_root_trusted_for_tls_servers_only() {
        try (RunAuthority authority = RunAuthority.create(run)) {
            ChromiumTrust trust = ChromiumTrust.create(authority);

            assertThat(trust.home()).isEqualTo(authority.folder().resolve("chromium-home"));
            assertThat(trust.environment())
                    .containsEntry("HOME", trust.home().toString())
                    .hasSize(1);
            assertThat(trust.listing()).containsPattern(ChromiumTrust.NICKNAME + "\\s+C,,\\s");
        }
    }

    @Test
    void without_certutil_the_message_names_the_package() throws Exception {
        Path emptyBin = Files.createDirectory(run.resolve("bin"));
        assertThatThrownBy(() -> ChromiumTrust.certutil(emptyBin + ":" + run.resolve("nowhere")))
                .isInstanceOf(SupportException.class)
                .hasMessageContaining("certutil (NSS's tool) was not found on the PATH")
                .hasMessageEndingWith("Install it with: apt-get install -y libnss3-tools");
    }

    @Test
    void chromium_loads_a_page_signed_by_the_run_authority_and_refuses_other_authorities() throws Exception {
        Path otherRun = Files.createDirectory(run.resolve("other"));
        try (RunAuthority authority = RunAuthority.create(run);
                RunAuthority other = RunAuthority.create(otherRun);
                LoopbackHttpsServer trusted = new LoopbackHttpsServer(authority.issue("app", List.of("localhost")));
                LoopbackHttpsServer foreign = new LoopbackHttpsServer(other.issue("app", List.of("localhost")));
                Playwright playwright = Browsers.createPlaywright()) {
            LaunchSettings settings = LaunchSettings.defaults()
                    .withEnvironment(ChromiumTrust.create(authority).environment());
            Browser browser = Browsers.launchChromium(playwright, settings);
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                page.navigate(trusted.url("localhost").toString());
                assertThat(page.textContent("body")).isEqualTo("ok");

                assertThatThrownBy(() -> page.navigate(foreign.url("localhost").toString()))
                        .isInstanceOf(PlaywrightException.class)
                        .hasMessageContaining("ERR_CERT_AUTHORITY_INVALID");
                // The name is checked too: the certificate names localhost, not 127.0.0.1.
                assertThatThrownBy(() -> page.navigate(trusted.url("127.0.0.1").toString()))
                        .isInstanceOf(PlaywrightException.class)
                        .hasMessageContaining("ERR_CERT_COMMON_NAME_INVALID");
            } finally {
                browser.close();
            }

            // The same Chromium without the run's database: the run's own server is refused.
            Browser untrusting = Browsers.launchChromium(playwright, LaunchSettings.defaults());
            try (BrowserContext context = untrusting.newContext()) {
                Page page = context.newPage();
                assertThatThrownBy(() -> page.navigate(trusted.url("localhost").toString()))
                        .isInstanceOf(PlaywrightException.class)
                        .hasMessageContaining("ERR_CERT_AUTHORITY_INVALID");
            } finally {
                untrusting.close();
            }
        }
    }
}
