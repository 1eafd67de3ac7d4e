package io.authbench.tls;

import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A server's {@code --tls-cert FILE --tls-key FILE} pair: both given means HTTPS (with HTTP/2 where the server offers
 * it), neither means plain HTTP, the default. Every AuthBench server reads its options through {@link #of}, so the
 * options mean the same everywhere.
 *
 * @param certificateChain PEM certificates, the server's own first
 * @param privateKey       PEM unencrypted PKCS#8 key of the first certificate
 */
public record ServerTlsFiles(Path certificateChain, Path privateKey) {
    public static final String CERT_OPTION = "--tls-cert";
    public static final String KEY_OPTION = "--tls-key";

    /**
     * Empty when neither option was given; an {@link IllegalArgumentException} naming the missing one when only one
     * was.
     */
    public static Optional<ServerTlsFiles> of(Path certificateChain, Path privateKey) {
        if (certificateChain == null && privateKey == null) {
            return Optional.empty();
        }
        if (certificateChain == null || privateKey == null) {
            throw new IllegalArgumentException((certificateChain == null ? CERT_OPTION : KEY_OPTION)
                    + " is missing: " + CERT_OPTION + " and " + KEY_OPTION + " go together (give both for https, "
                    + "neither for http)");
        }
        return Optional.of(new ServerTlsFiles(certificateChain, privateKey));
    }

    /** Reads and checks both files now, so that a bad pair stops the server before it prints its ready line. */
    public SSLContext sslContext() {
        return TlsContexts.server(certificateChain, privateKey);
    }
}
