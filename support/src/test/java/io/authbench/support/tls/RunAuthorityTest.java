package io.authbench.support.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.support.SupportException;
import io.authbench.tls.PemFiles;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAuthorityTest {
    @TempDir
    Path run;

    @Test
    void server_certificate_chains_to_the_run_root_and_names_its_hosts() throws Exception {
        try (RunAuthority authority = RunAuthority.create(run)) {
            ServerCredentials app = authority.issue("app", List.of("app.authbench.test", "LOCALHOST", "127.0.0.1"));
            List<X509Certificate> chain = PemFiles.readCertificates(app.certificateChain());

            assertThat(chain).hasSize(2); // leaf + issuing authority, as public sites send them
            X509Certificate leaf = chain.get(0);
            assertThat(leaf.getSubjectAlternativeNames().stream()
                            .map(name -> (Object) name.get(1))
                            .toList())
                    .containsExactly("app.authbench.test", "localhost", "127.0.0.1");
            assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
            assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
            assertThat(chain.get(1).getBasicConstraints()).isZero();

            X509Certificate root =
                    PemFiles.readCertificates(authority.caCertificate()).get(0);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX")
                    .validate(
                            CertificateFactory.getInstance("X.509").generateCertPath(chain),
                            parameters); // throws if not
            assertThat(PemFiles.readCertificates(authority.caCertificate()))
                    .containsExactly(authority.rootCertificate());
        }
    }

    @Test
    void a_client_trusting_the_run_root_connects_over_https_with_host_name_checks_on() throws Exception {
        try (RunAuthority authority = RunAuthority.create(run);
                LoopbackHttpsServer server = new LoopbackHttpsServer(authority.issue("app", List.of("localhost")))) {
            HttpResponse<String> response = get(authority.clientContext(), server, "localhost");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("ok");

            // The certificate names localhost only: the same server reached as 127.0.0.1 is refused.
            assertThatThrownBy(() -> get(authority.clientContext(), server, "127.0.0.1"))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
        }
    }

    @Test
    void a_client_that_does_not_trust_the_run_root_is_refused() throws Exception {
        Path other = Files.createDirectory(run.resolve("other"));
        try (RunAuthority authority = RunAuthority.create(run);
                RunAuthority otherRun = RunAuthority.create(other);
                LoopbackHttpsServer server = new LoopbackHttpsServer(authority.issue("app", List.of("localhost")))) {
            // The JDK's public authorities: the run's root is not among them.
            assertThatThrownBy(() -> get(SSLContext.getDefault(), server, "localhost"))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("PKIX path building failed");
            // Another run's authority is not this run's either.
            assertThatThrownBy(() -> get(otherRun.clientContext(), server, "localhost"))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("PKIX path building failed");
        }
    }

    @Test
    void trust_store_for_child_jvms_holds_only_the_run_root() throws Exception {
        try (RunAuthority authority = RunAuthority.create(run)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(authority.trustStore())) {
                store.load(in, RunAuthority.TRUST_STORE_PASSWORD.toCharArray());
            }
            assertThat(Collections.list(store.aliases())).hasSize(1);
            assertThat(store.getCertificate(store.aliases().nextElement())).isEqualTo(authority.rootCertificate());
            assertThat(authority.javaTrustOptions()).contains("-Djavax.net.ssl.trustStore=" + authority.trustStore());
            assertThat(authority.nodeEnvironment())
                    .containsEntry(
                            "NODE_EXTRA_CA_CERTS", authority.caCertificate().toString());
        }
    }

    @Test
    void private_keys_are_owner_only_inside_the_run_folder_and_deleted_at_close() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long started = System.currentTimeMillis() - 1_000;
        RunAuthority authority = RunAuthority.create(run);
        ServerCredentials app = authority.issue("app", List.of("app.authbench.test"));
        ServerCredentials api = authority.issue("appwrite", List.of("appwrite.other.test"));

        Path folder = run.resolve(RunAuthority.FOLDER);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        for (ServerCredentials credentials : List.of(app, api)) {
            assertThat(credentials.privateKey().getParent()).isEqualTo(folder);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.privateKey())))
                    .isEqualTo("rw-------");
        }
        // The only files holding a private key are the two server keys: the authorities' keys are never written.
        assertThat(filesWithPrivateKeys(run)).containsExactlyInAnyOrder(app.privateKey(), api.privateKey());
        // Nothing with a key was written next to the run folder in the temp folder either.
        assertThat(newFilesWithPrivateKeys(tmp, started)).isEmpty();

        authority.close();
        authority.close(); // idempotent

        assertThat(filesWithPrivateKeys(run)).isEmpty();
        assertThat(folder)
                .isDirectoryContaining(p -> p.getFileName().toString().equals("ca.pem"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("app.pem"));
        assertThatThrownBy(() -> authority.issue("late", List.of("localhost")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bad_names_and_reused_folders_are_refused_with_the_fix() throws Exception {
        try (RunAuthority authority = RunAuthority.create(run)) {
            assertThatThrownBy(() -> authority.issue("app", List.of("https://app.authbench.test")))
                    .hasMessageContaining("'https://app.authbench.test' is not a host name");
            assertThatThrownBy(() -> authority.issue("app", List.of("*.authbench.test")))
                    .hasMessageContaining("no wildcard");
            assertThatThrownBy(() -> authority.issue("app", List.of())).hasMessageContaining("at least one host name");
            assertThatThrownBy(() -> authority.issue("../etc", List.of("localhost")))
                    .hasMessageContaining("is not a server name");
            authority.issue("app", List.of("localhost"));
            assertThatThrownBy(() -> authority.issue("app", List.of("localhost")))
                    .hasMessageContaining("already issued");
            assertThatThrownBy(() -> RunAuthority.create(run))
                    .isInstanceOf(SupportException.class)
                    .hasMessageContaining("Use a fresh run folder");
        }
        assertThatThrownBy(() -> RunAuthority.create(run.resolve("missing")))
                .isInstanceOf(SupportException.class)
                .hasMessageContaining("does not exist");
    }

    static HttpResponse<String> get(SSLContext trust, LoopbackHttpsServer server, String host) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(trust)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        return client.send(
                HttpRequest.newBuilder(server.url(host))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<Path> filesWithPrivateKeys(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(RunAuthorityTest::holdsPrivateKey)
                    .toList();
        }
    }

    private static List<Path> newFilesWithPrivateKeys(Path folder, long since) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toFile().lastModified() >= since)
                    .filter(RunAuthorityTest::holdsPrivateKey)
                    .toList();
        }
    }

    private static boolean holdsPrivateKey(Path file) {
        try {
            return Files.size(file) < 1_000_000
                    && Files.isReadable(file)
                    && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("PRIVATE KEY");
        } catch (IOException e) {
            return false;
        }
    }
}
