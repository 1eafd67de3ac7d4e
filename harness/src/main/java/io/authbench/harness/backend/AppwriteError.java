package io.authbench.harness.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Appwrite's error body ({@code {"message":…,"code":401,"type":"user_unauthorized","version":"1.6.2"}},
 * docs/appwrite-behaviour.md#error-model), or null fields when the body is not one.
 */
record AppwriteError(int status, String type, String message) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static AppwriteError parse(int status, String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            if (node != null && node.isObject() && node.hasNonNull("type")) {
                return new AppwriteError(
                        status, node.path("type").asText(), node.path("message").asText(""));
            }
        } catch (IOException ignored) {
            // not JSON: not an Appwrite error body
        }
        return new AppwriteError(status, null, null);
    }

    boolean is(String errorType) {
        return errorType.equals(type);
    }

    /** {@code 401 user_unauthorized: The current user is …}, for messages. */
    String describe() {
        return status
                + (type == null
                        ? " (not an Appwrite error body)"
                        : " " + type + (message.isEmpty() ? "" : ": " + message));
    }
}
