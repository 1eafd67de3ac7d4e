package io.authbench.support.tls;

import java.nio.file.Path;
import java.util.List;

/**
 * What one server of a run is started with: {@code --tls-cert certificateChain --tls-key privateKey}.
 *
 * @param party            the server's name in the run (file names derive from it), e.g. {@code appwrite}
 * @param certificateChain PEM: the server's certificate, then the run's issuing authority
 * @param privateKey       PEM (PKCS#8, unencrypted), owner-only; deleted by {@link RunAuthority#close()}
 * @param hostNames        the names (and IP literals) the certificate is valid for, as given
 */
public record ServerCredentials(String party, Path certificateChain, Path privateKey, List<String> hostNames) {
    public ServerCredentials {
        hostNames = List.copyOf(hostNames);
    }

    /** The server options every AuthBench server understands. */
    public List<String> serverArguments() {
        return List.of("--tls-cert", certificateChain.toString(), "--tls-key", privateKey.toString());
    }
}
