package io.authbench.support.tls;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.tls.TlsContexts;
import io.authbench.tls.TlsFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tls module's PEM loading against real run certificates (the tls module itself cannot issue any). */
class TlsContextsTest {
    @TempDir
    Path run;

    @Test
    void a_key_that_does_not_belong_to_the_certificate_is_refused() {
        try (RunAuthority authority = RunAuthority.create(run)) {
            ServerCredentials app = authority.issue("app", List.of("localhost"));
            ServerCredentials api = authority.issue("api", List.of("localhost"));
            assertThatThrownBy(() -> TlsContexts.server(app.certificateChain(), api.privateKey()))
                    .isInstanceOf(TlsFileException.class)
                    .hasMessageContaining("is not the private key of the first certificate");
        }
    }

    @Test
    void a_server_certificate_is_not_accepted_as_an_authority() {
        try (RunAuthority authority = RunAuthority.create(run)) {
            ServerCredentials app = authority.issue("app", List.of("localhost"));
            assertThatThrownBy(() -> TlsContexts.trusting(app.certificateChain()))
                    .isInstanceOf(TlsFileException.class)
                    .hasMessageContaining("which is not a certificate authority");
        }
    }

    @Test
    void files_that_hold_the_wrong_thing_are_named() throws Exception {
        try (RunAuthority authority = RunAuthority.create(run)) {
            ServerCredentials app = authority.issue("app", List.of("localhost"));
            assertThatThrownBy(() -> TlsContexts.server(app.privateKey(), app.privateKey()))
                    .isInstanceOf(TlsFileException.class)
                    .hasMessageContaining("is not a PEM certificate file");
            assertThatThrownBy(() -> TlsContexts.server(app.certificateChain(), app.certificateChain()))
                    .isInstanceOf(TlsFileException.class)
                    .hasMessageContaining("holds no '-----BEGIN PRIVATE KEY-----' block");
            Path sec1 = Files.writeString(
                    run.resolve("old.key"),
                    "-----BEGIN EC PRIVATE KEY-----\nAA==\n" + "-----END EC PRIVATE KEY-----\n");
            assertThatThrownBy(() -> TlsContexts.server(app.certificateChain(), sec1))
                    .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
            assertThatThrownBy(() -> TlsContexts.server(run.resolve("none.pem"), app.privateKey()))
                    .hasMessageContaining("none.pem: no such certificate file");
        }
    }
}
