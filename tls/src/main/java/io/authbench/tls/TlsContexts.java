package io.authbench.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * {@link SSLContext}s from PEM files: one for a server's HTTPS listener, one for a client that trusts exactly one
 * certificate authority. Verification stays on: the client context uses the JDK's PKIX trust manager over a trust
 * store holding that authority only, and hostname checks are the client's (HTTPS clients do them by default).
 */
public final class TlsContexts {
    private static final String PROTOCOL = "TLS";

    private TlsContexts() {}

    /**
     * A server context presenting {@code chainPem} (leaf first, then intermediates) with the key in {@code keyPem}.
     * The key must belong to the leaf certificate.
     */
    public static SSLContext server(Path chainPem, Path keyPem) {
        List<X509Certificate> chain = PemFiles.readCertificates(chainPem);
        PrivateKey key = PemFiles.readPrivateKey(keyPem);
        PublicKey leafKey = chain.get(0).getPublicKey();
        if (!leafKey.getAlgorithm().equals(key.getAlgorithm()) || !matches(key, leafKey)) {
            throw new TlsFileException(keyPem + " is not the private key of the first certificate in " + chainPem
                    + ". Give the key that was issued with that certificate.");
        }
        try {
            // The key store lives in memory only; its password protects nothing and is never written anywhere.
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, password, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsFileException(
                    "Cannot build a TLS server context from " + chainPem + " and " + keyPem + ": " + e.getMessage(), e);
        }
    }

    /** A client context that trusts the certificate authorities in {@code caPem} and nothing else. */
    public static SSLContext trusting(Path caPem) {
        return trusting(trustManager(caPem));
    }

    /** A client context over {@code trustManager} (for example one from {@link #trustManager(Path)}). */
    public static SSLContext trusting(X509TrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no TLS client context: " + e.getMessage(), e);
        }
    }

    /**
     * The JDK's PKIX trust manager over the certificates of {@code caPem} as the only trust anchors. OkHttp wants
     * it next to the socket factory ({@code OkHttpClient.Builder.sslSocketFactory(factory, trustManager)}).
     */
    public static X509TrustManager trustManager(Path caPem) {
        List<X509Certificate> authorities = PemFiles.readCertificates(caPem);
        for (X509Certificate authority : authorities) {
            if (authority.getBasicConstraints() < 0) {
                throw new TlsFileException(
                        caPem + " holds '" + authority.getSubjectX500Principal().getName()
                                + "', which is not a certificate authority. Give the authority's certificate, not a server's.");
            }
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < authorities.size(); i++) {
                store.setCertificateEntry("authority-" + i, authorities.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The JDK offered no X509TrustManager."));
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsFileException("Cannot build a trust store from " + caPem + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code key} signs what {@code publicKey} verifies: a signature round trip, not a field comparison. */
    private static boolean matches(PrivateKey key, PublicKey publicKey) {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            byte[] probe = "authbench key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
