package io.authbench.harness.flow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A session created for set-up, as the value a client sends back: Appwrite's encoded session, base64 of
 * {@code {"id":"<userId>","secret":"<secret>"}} — the value of Appwrite's session cookie and of the SSR app's
 * {@code authbench_session} cookie alike.
 *
 * @param value  the encoded session (a secret: never logged; {@link #toString} hides it)
 * @param expire when Appwrite expires it, for the cookie's Expires
 */
public record IssuedSession(String value, Instant expire) {
    private static final Pattern ENCODED = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    /**
     * From the Users API response: Appwrite 1.6 returns the encoded session in {@code secret}; a server that returns
     * the raw secret instead gets it encoded here, so both work as cookies.
     */
    public static IssuedSession of(String userId, String secret, Instant expire) {
        return new IssuedSession(isEncoded(secret, userId) ? secret : encode(userId, secret), expire);
    }

    static String encode(String userId, String secret) {
        String json = "{\"id\":\"" + userId + "\",\"secret\":\"" + secret + "\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isEncoded(String secret, String userId) {
        if (!ENCODED.matcher(secret).matches()) {
            return false;
        }
        try {
            String json = new String(Base64.getDecoder().decode(secret), StandardCharsets.UTF_8);
            return json.startsWith("{") && json.contains("\"id\":\"" + userId + "\"") && json.contains("\"secret\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "IssuedSession[value=(redacted), expire=" + expire + "]";
    }
}
