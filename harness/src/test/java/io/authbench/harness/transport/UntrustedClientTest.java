package io.authbench.harness.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.ServerJars;
import io.authbench.harness.http.Probe;
import io.authbench.harness.link.LinkHosts;
import io.authbench.harness.stack.Stack;
import io.authbench.harness.stack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator started as a run starts it over https: a client with the JDK's public authorities is refused with a
 * clear error, the run's own clients are not, and closing the run's TLS deletes the key files.
 */
class UntrustedClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path run;

    @Test
    void a_client_that_does_not_trust_the_runs_authority_is_refused() throws Exception {
        Path logs = Files.createDirectories(run.resolve("logs"));
        try (RunTls tls = RunTls.create(run, "localhost", "localhost");
                Stack stack = Stack.start(
                        new StackConfig(
                                ServerJars.emulator(),
                                ServerJars.ssr(),
                                ServerJars.csr(),
                                "authbench",
                                Duration.ofSeconds(120),
                                logs),
                        tls,
                        LinkHosts.loopback())) {
            assertThat(stack.appwriteApi().getScheme()).isEqualTo("https");
            var account = stack.appwriteApi().resolve("/v1/health/version");

            Probe untrusted = Probe.get(account, TIMEOUT);
            Probe trusted = Probe.get(account, TIMEOUT, tls.clientTrust());

            assertThat(untrusted.answered()).isFalse();
            assertThat(untrusted.failure()).contains("SSLHandshakeException").contains("PKIX path building failed");
            assertThat(trusted.answered()).as(trusted.describe()).isTrue();
            assertThat(Files.list(run.resolve("tls")).map(p -> p.getFileName().toString()))
                    .contains("appwrite.key", "ssr-app.key", "csr-app.key");
        }
        assertThat(Files.list(run.resolve("tls")).map(p -> p.getFileName().toString()))
                .noneMatch(name -> name.endsWith(".key"))
                .contains("ca.pem", "appwrite.pem", "chromium-home");
    }
}
