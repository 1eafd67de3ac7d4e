package io.authbench.harness.transport;

import io.authbench.harness.http.ClientTrust;
import io.authbench.support.tls.ChromiumTrust;
import io.authbench.support.tls.RunAuthority;
import io.authbench.support.tls.ServerCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TLS of one {@code --transport=https} run: a throwaway certificate authority in {@code <run folder>/tls}
 * ({@link RunAuthority}), a certificate and key for each server the harness starts, and a Chromium trust database that
 * holds that authority's root and nothing else ({@link ChromiumTrust}). {@link #close()} deletes the server keys; the
 * engine closes it when the run ends, however it ends (also from the Ctrl-C hook), so no private key outlives the
 * run (a JVM killed with {@code kill -9} cannot: see support/README.md#per-run-tls).
 *
 * <p>Each certificate names the server's host name in browser URLs, plus {@code localhost} and {@code 127.0.0.1}:
 * the SSR app reaches Appwrite at {@code localhost} through its link, and the harness's own clients (readiness,
 * warm-up, seeding, statistics) reach the servers at the {@code 127.0.0.1} address they print.
 */
public final class RunTls implements AutoCloseable {
    /** The server names, as their certificate files are called. */
    public static final String APPWRITE = "appwrite";

    public static final String SSR_APP = "ssr-app";
    public static final String CSR_APP = "csr-app";

    private final RunAuthority authority;
    private final ChromiumTrust chromium;
    private final Map<String, ServerCredentials> servers;

    private RunTls(RunAuthority authority, ChromiumTrust chromium, Map<String, ServerCredentials> servers) {
        this.authority = authority;
        this.chromium = chromium;
        this.servers = servers;
    }

    /**
     * Creates the run's authority in {@code runFolder} (an earlier run's {@code tls/} folder there is replaced, as its
     * results.json is), issues the servers' certificates and makes Chromium's trust database.
     *
     * @param appHost      the apps' host name in browser URLs
     * @param appwriteHost Appwrite's host name in browser URLs
     */
    public static RunTls create(Path runFolder, String appHost, String appwriteHost) {
        removeEarlier(runFolder.resolve(RunAuthority.FOLDER));
        RunAuthority authority = RunAuthority.create(runFolder);
        try {
            ServerCredentials appwrite = authority.issue(APPWRITE, names(appwriteHost));
            ServerCredentials ssr = authority.issue(SSR_APP, names(appHost));
            ServerCredentials csr = authority.issue(CSR_APP, names(appHost));
            ChromiumTrust chromium = ChromiumTrust.create(authority);
            return new RunTls(authority, chromium, Map.of(APPWRITE, appwrite, SSR_APP, ssr, CSR_APP, csr));
        } catch (RuntimeException e) {
            authority.close();
            throw e;
        }
    }

    private static List<String> names(String host) {
        Set<String> names = new LinkedHashSet<>(List.of(host, "localhost", "127.0.0.1"));
        return List.copyOf(names);
    }

    /** The server options ({@code --tls-cert}, {@code --tls-key}) of {@link #APPWRITE}, {@link #SSR_APP} or {@link #CSR_APP}. */
    public List<String> serverArguments(String server) {
        ServerCredentials credentials = servers.get(server);
        if (credentials == null) {
            throw new IllegalArgumentException("no certificate for " + server + "; known: " + servers.keySet());
        }
        return credentials.serverArguments();
    }

    /** The run's root certificate (PEM): what ssr-app verifies Appwrite against ({@code --appwrite-ca}). */
    public Path caCertificate() {
        return authority.caCertificate();
    }

    /** {@code <run folder>/tls}. */
    public Path folder() {
        return authority.folder();
    }

    /** The harness's own clients trust this run's authority only. */
    public ClientTrust clientTrust() {
        return new ClientTrust(authority.clientContext(), authority.trustManager());
    }

    /** Chromium's environment: {@code HOME} with the NSS database that trusts this run's root. */
    public Map<String, String> chromiumEnvironment() {
        return chromium.environment();
    }

    /** Deletes the servers' private keys (idempotent). */
    @Override
    public void close() {
        authority.close();
    }

    /**
     * An earlier run's {@code tls/} in a reused run folder: certificates, an NSS database and, if that run was killed,
     * its keys. Nothing in it is valid for this run.
     */
    private static void removeEarlier(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot remove the earlier run's " + folder + " (" + e + "); delete it or choose another --out", e);
        }
    }
}
