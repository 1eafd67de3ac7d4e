package io.authbench.ssr.appwrite;

import java.time.OffsetDateTime;

/**
 * A session Appwrite created for the admin client.
 *
 * @param secret the {@code secret} field (base64 of {@code {"id","secret"}}): what the session client sends as
 *               {@code X-Appwrite-Session}; a credential, so {@link #toString()} never shows it
 * @param expire when Appwrite will stop accepting it
 */
public record NewSession(String secret, OffsetDateTime expire) {
    @Override
    public String toString() {
        return "NewSession[secret=(redacted), expire=" + expire + "]";
    }
}
