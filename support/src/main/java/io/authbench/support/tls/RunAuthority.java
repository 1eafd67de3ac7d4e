package io.authbench.support.tls;

import io.authbench.support.SupportException;
import io.authbench.tls.TlsContexts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * One run's throwaway certificate authority. {@link #create(Path)} makes a root and an issuing authority in memory
 * and writes, in {@code <run folder>/tls/} (owner-only folder):
 * <ul>
 *   <li>{@code ca.pem}: the root certificate, the one thing every client of the run trusts;</li>
 *   <li>{@code truststore.p12}: the same root as a PKCS#12 trust store for child JVMs
 *       ({@link #javaTrustOptions()});</li>
 *   <li>per {@link #issue server}: {@code <party>.pem} (its certificate and the issuing authority) and
 *       {@code <party>.key} (its private key, mode 600).</li>
 * </ul>
 * The authorities' private keys are never written: the root's is dropped once the issuing authority is signed, the
 * issuing one lives in this object only. {@link #close()} deletes every {@code .key} file; the certificates stay
 * with the run's results (they are public). A JVM killed before {@code close()} leaves the server keys in the run
 * folder, which is owner-only; they are worthless after {@link Certificates#VALIDITY}.
 */
public final class RunAuthority implements AutoCloseable {
    public static final String FOLDER = "tls";
    /**
     * The PKCS#12 format insists on a password; the trust store holds only the public root certificate, so this one
     * is public too.
     */
    public static final String TRUST_STORE_PASSWORD = "authbench-public";
    /** A run has a handful of servers; more issues than this is a bug that would litter the folder with keys. */
    static final int MAX_SERVERS = 16;

    private static final Pattern PARTY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final Path folder;
    private final X509Certificate root;
    private final X509Certificate issuing;
    private final KeyPair issuingKeys;
    private final List<ServerCredentials> issued = new ArrayList<>();
    private boolean closed;

    private RunAuthority(Path folder, X509Certificate root, X509Certificate issuing, KeyPair issuingKeys) {
        this.folder = folder;
        this.root = root;
        this.issuing = issuing;
        this.issuingKeys = issuingKeys;
    }

    /** A new authority for the run whose folder is {@code runFolder} (it must exist; {@code tls/} must not). */
    public static RunAuthority create(Path runFolder) {
        Path folder = runFolder.toAbsolutePath().normalize().resolve(FOLDER);
        OwnerOnlyFiles.createFolder(folder);
        // A name per run, so two runs' authorities are told apart in a browser's certificate viewer or a log.
        String run = UUID.randomUUID().toString().substring(0, 8);
        KeyPair rootKeys = Certificates.newKeyPair();
        X509Certificate root =
                Certificates.root(new X500Name("CN=AuthBench run " + run + " root CA,O=AuthBench"), rootKeys);
        KeyPair issuingKeys = Certificates.newKeyPair();
        X509Certificate issuing = Certificates.intermediate(
                root,
                rootKeys.getPrivate(),
                new X500Name("CN=AuthBench run " + run + " issuing CA,O=AuthBench"),
                issuingKeys);
        OwnerOnlyFiles.writePublic(folder.resolve("ca.pem"), Certificates.pem(List.of(root)));
        OwnerOnlyFiles.writePublic(folder.resolve("truststore.p12"), trustStoreBytes(root));
        return new RunAuthority(folder, root, issuing, issuingKeys);
    }

    /**
     * Issues a server certificate for {@code hostNames} (DNS names or IP literals) and writes
     * {@code <party>.pem} and {@code <party>.key}. One per server, so that two parties never share a key.
     */
    public synchronized ServerCredentials issue(String party, List<String> hostNames) {
        if (closed) {
            throw new IllegalStateException("This run's authority is closed; create a new one.");
        }
        if (!PARTY.matcher(party).matches()) {
            throw new IllegalArgumentException("'" + party + "' is not a server name for the run's certificate files "
                    + "(lower-case letters, digits and '-', at most 40, e.g. appwrite).");
        }
        if (issued.stream().anyMatch(c -> c.party().equals(party))) {
            throw new IllegalArgumentException("A certificate for '" + party + "' was already issued in this run.");
        }
        if (issued.size() >= MAX_SERVERS) {
            throw new IllegalStateException("More than " + MAX_SERVERS + " server certificates in one run.");
        }
        List<String> names = HostNames.check(hostNames);
        KeyPair keys = Certificates.newKeyPair();
        X509Certificate leaf = Certificates.server(issuing, issuingKeys.getPrivate(), names, keys);
        Path chain = folder.resolve(party + ".pem");
        Path key = folder.resolve(party + ".key");
        OwnerOnlyFiles.writePublic(chain, Certificates.pem(List.of(leaf, issuing)));
        OwnerOnlyFiles.writeOwnerOnly(key, Certificates.pem(List.of(keys.getPrivate())));
        ServerCredentials credentials = new ServerCredentials(party, chain, key, names);
        issued.add(credentials);
        return credentials;
    }

    /** {@code <run folder>/tls}. */
    public Path folder() {
        return folder;
    }

    /** The root certificate (PEM): what a client trusts, and the only thing. */
    public Path caCertificate() {
        return folder.resolve("ca.pem");
    }

    public X509Certificate rootCertificate() {
        return root;
    }

    /** {@code ca.pem} as a PKCS#12 trust store, password {@link #TRUST_STORE_PASSWORD}. */
    public Path trustStore() {
        return folder.resolve("truststore.p12");
    }

    /** A Java client context trusting exactly this run's root; HTTPS clients check host names on top. */
    public SSLContext clientContext() {
        return TlsContexts.trusting(caCertificate());
    }

    /** The trust manager behind {@link #clientContext()}, for OkHttp's {@code sslSocketFactory(factory, tm)}. */
    public X509TrustManager trustManager() {
        return TlsContexts.trustManager(caCertificate());
    }

    /**
     * JVM options for a child JVM whose default TLS clients (the Appwrite Kotlin SDK's OkHttp, {@code HttpClient})
     * should trust this run's root instead of the JDK's public authorities.
     */
    public List<String> javaTrustOptions() {
        return List.of(
                "-Djavax.net.ssl.trustStore=" + trustStore(),
                "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Djavax.net.ssl.trustStorePassword=" + TRUST_STORE_PASSWORD);
    }

    /**
     * Environment for a Node.js child (a Next.js app calling Appwrite): Node adds the authorities of
     * {@code NODE_EXTRA_CA_CERTS} to its built-in ones. Node can only add, not replace, so its public authorities
     * stay trusted as well; they cannot vouch for the run's {@code .test} names.
     */
    public Map<String, String> nodeEnvironment() {
        return Map.of("NODE_EXTRA_CA_CERTS", caCertificate().toString());
    }

    /** The server credentials issued so far, in order. */
    public synchronized List<ServerCredentials> issued() {
        return List.copyOf(issued);
    }

    /**
     * Deletes every server key file this authority wrote. Certificates and trust stores stay: they are public and
     * let a reader check what the run's browsers and clients trusted. Idempotent.
     */
    @Override
    public synchronized void close() {
        closed = true;
        List<String> failures = new ArrayList<>();
        for (ServerCredentials credentials : issued) {
            try {
                Files.deleteIfExists(credentials.privateKey());
            } catch (IOException e) {
                failures.add(credentials.privateKey() + " (" + e + ")");
            }
        }
        if (!failures.isEmpty()) {
            throw new SupportException("Could not delete the run's private key files " + failures + ". Delete them "
                    + "by hand; they are owner-only and expire within " + Certificates.VALIDITY.toDays() + " days.");
        }
    }

    private static byte[] trustStoreBytes(X509Certificate root) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("authbench-run-root", root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, TRUST_STORE_PASSWORD.toCharArray());
            return bytes.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot write a PKCS#12 trust store: " + e.getMessage(), e);
        }
    }
}
