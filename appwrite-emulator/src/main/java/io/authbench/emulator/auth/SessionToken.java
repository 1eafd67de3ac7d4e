package io.authbench.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The session value clients hold: {@code base64(json_encode({"id": userId, "secret": rawSecret}))}, Appwrite's
 * {@code Auth::encodeSession}. It is the cookie value, the {@code X-Appwrite-Session} header and the {@code secret}
 * an API-key caller receives.
 *
 * @param userId {@code ""} when the value did not name one
 * @param secret {@code ""} when the value did not carry one
 */
public record SessionToken(String userId, String secret) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SessionToken EMPTY = new SessionToken("", "");

    public static String encode(String userId, String secret) {
        // Ids are [a-zA-Z0-9._-] and secrets hex: nothing needs JSON escaping.
        String json = "{\"id\":\"" + userId + "\",\"secret\":\"" + secret + "\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes leniently like PHP ({@code base64_decode} skips characters outside the alphabet; anything that is not
     * a JSON object gives an empty token). Never throws: a tampered value simply names no session.
     */
    public static SessionToken decode(String value) {
        if (value == null || value.isEmpty()) {
            return EMPTY;
        }
        StringBuilder alphabet = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                alphabet.append(c);
            }
        }
        // PHP ignores a dangling 6-bit group; Java's decoder rejects it, so drop it here.
        int usable = alphabet.length() % 4 == 1 ? alphabet.length() - 1 : alphabet.length();
        byte[] json;
        try {
            json = Base64.getDecoder().decode(padded(alphabet.substring(0, usable)));
        } catch (IllegalArgumentException e) {
            return EMPTY;
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                return EMPTY;
            }
            JsonNode id = node.get("id");
            JsonNode secret = node.get("secret");
            return new SessionToken(
                    id != null && id.isTextual() ? id.asText() : "",
                    secret != null && secret.isTextual() ? secret.asText() : "");
        } catch (IOException e) {
            return EMPTY;
        }
    }

    private static String padded(String base64) {
        int rest = base64.length() % 4;
        return rest == 0 ? base64 : base64 + "=".repeat(4 - rest);
    }

    /** True when the value named neither a user nor a secret, so the next session source is consulted. */
    public boolean isEmpty() {
        return userId.isEmpty() && secret.isEmpty();
    }
}
