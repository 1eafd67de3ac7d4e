package io.authbench.emulator;

import io.authbench.emulator.auth.ApiKey;
import io.authbench.emulator.config.EmulatorConfig;
import io.authbench.emulator.crypto.PasswordHashing;
import java.util.Set;
import java.util.function.UnaryOperator;

/** An in-process emulator on a free loopback port, with a known API key and fast password hashing. */
final class TestEmulator implements AutoCloseable {
    static final String PROJECT = "authbench";
    static final String API_KEY = "standard_" + "ab12".repeat(32);
    static final String PASSWORD = "password123";

    private final EmulatorServer server;

    private TestEmulator(EmulatorConfig config) {
        this.server = new EmulatorServer(config).start();
    }

    static TestEmulator start() {
        return start(UnaryOperator.identity());
    }

    /** Starts with the test defaults changed by {@code tweak} (e.g. {@code c -> c.withRateLimits(false)}). */
    static TestEmulator start(UnaryOperator<EmulatorConfig> tweak) {
        EmulatorConfig config = EmulatorConfig.defaults(
                        new ApiKey(API_KEY, Set.copyOf(EmulatorConfig.DEFAULT_KEY_SCOPES), null))
                .withPasswordHashing(PasswordHashing.FAST);
        return new TestEmulator(tweak.apply(config));
    }

    /** e.g. {@code http://127.0.0.1:41234/v1}. */
    String baseUrl() {
        return server.baseUrl();
    }

    /** e.g. {@code http://127.0.0.1:41234}. */
    String rootUrl() {
        return baseUrl().substring(0, baseUrl().length() - "/v1".length());
    }

    EmulatorServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
