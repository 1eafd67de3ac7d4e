package io.authbench.harness.backend;

import java.net.URI;
import java.util.Objects;

/**
 * An Appwrite server the harness did not start (Appwrite Cloud or a self-hosted instance), used instead of the
 * bundled emulator: the harness never launches, restarts or measures its process.
 *
 * @param endpoint  the API base, e.g. {@code https://cloud.appwrite.io/v1}; no credentials, query or fragment
 * @param projectId the project the test users and sessions live in
 * @param apiKey    a key of that project with the scopes {@code users.write} and {@code sessions.write}; never
 *                  printed ({@link #toString()} leaves it out)
 */
public record ExternalAppwrite(URI endpoint, String projectId, String apiKey) {

    public ExternalAppwrite {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    /** True for {@code https://}: the TLS name check then rules out the loopback links (see {@code Stack}). */
    public boolean tls() {
        return "https".equalsIgnoreCase(endpoint.getScheme());
    }

    /** The port the endpoint listens on, the scheme's default if the URL names none. */
    public int port() {
        return endpoint.getPort() > 0 ? endpoint.getPort() : tls() ? 443 : 80;
    }

    /** What results.json records as the backend: the endpoint URL, which carries no credentials. */
    public String label() {
        return endpoint.toString();
    }

    @Override
    public String toString() {
        return "ExternalAppwrite[endpoint=" + endpoint + ", projectId=" + projectId + ", apiKey=(not shown)]";
    }
}
