package io.authbench.ssr.appwrite;

import java.util.Objects;

/**
 * The Appwrite API key of the admin client. A type of its own so that it cannot be printed by accident:
 * {@link #toString()} never shows the value.
 */
public final class ApiKey {
    private final String value;

    public ApiKey(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The key itself; only the SDK's {@code setKey} should ever see it. */
    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiKey(redacted)";
    }
}
