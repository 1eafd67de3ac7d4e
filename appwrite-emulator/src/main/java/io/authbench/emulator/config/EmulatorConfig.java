package io.authbench.emulator.config;

import io.authbench.emulator.auth.ApiKey;
import io.authbench.emulator.crypto.PasswordHashing;
import io.authbench.tls.ServerTlsFiles;
import java.time.Duration;
import java.util.List;

/**
 * Everything the emulator is started with; built from the command line by {@code EmulatorMain}, or directly by tests.
 *
 * @param port 0 picks a free port
 * @param apiKey {@code null}: no key configured, key-authenticated calls get {@code user_unauthorized}
 * @param platforms extra web-platform host names allowed as origins
 * @param rateLimits Appwrite's abuse limits ({@code _APP_OPTIONS_ABUSE}); the headers are sent either way
 * @param requestLog one line per request on stdout (off by default: a logging server under load measures its logging)
 * @param sessionDuration how long a new session lives ({@code auths.duration}, default one year)
 * @param maxBodyBytes larger request bodies get 413
 * @param trustedIpHeaders lower-case header names whose first address is taken as the client's IP, in order
 *        (Appwrite's {@code _APP_TRUSTED_HEADERS}, default {@code x-forwarded-for}); empty: the socket's peer only
 * @param tls {@code null}: plain HTTP/1.1 (the default); otherwise HTTPS with HTTP/2 offered through ALPN
 */
public record EmulatorConfig(
        String host,
        int port,
        String projectId,
        ApiKey apiKey,
        List<String> platforms,
        PasswordHashing passwordHashing,
        boolean rateLimits,
        boolean requestLog,
        Duration sessionDuration,
        int maxBodyBytes,
        List<String> trustedIpHeaders,
        ServerTlsFiles tls) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_PROJECT = "authbench";
    public static final Duration DEFAULT_SESSION_DURATION = Duration.ofSeconds(31_536_000);
    public static final int DEFAULT_MAX_BODY_BYTES = 65_536;
    public static final List<String> DEFAULT_TRUSTED_IP_HEADERS = List.of("x-forwarded-for");
    public static final List<String> DEFAULT_KEY_SCOPES = List.of("users.read", "users.write", "sessions.write");

    /** Defaults for an in-process emulator on a free loopback port (tests). */
    public static EmulatorConfig defaults(ApiKey apiKey) {
        return new EmulatorConfig(
                DEFAULT_HOST,
                0,
                DEFAULT_PROJECT,
                apiKey,
                List.of(),
                PasswordHashing.APPWRITE,
                true,
                false,
                DEFAULT_SESSION_DURATION,
                DEFAULT_MAX_BODY_BYTES,
                DEFAULT_TRUSTED_IP_HEADERS,
                null);
    }

    public EmulatorConfig withPasswordHashing(PasswordHashing hashing) {
        return new EmulatorConfig(
                host,
                port,
                projectId,
                apiKey,
                platforms,
                hashing,
                rateLimits,
                requestLog,
                sessionDuration,
                maxBodyBytes,
                trustedIpHeaders,
                tls);
    }

    public EmulatorConfig withRateLimits(boolean enabled) {
        return new EmulatorConfig(
                host,
                port,
                projectId,
                apiKey,
                platforms,
                passwordHashing,
                enabled,
                requestLog,
                sessionDuration,
                maxBodyBytes,
                trustedIpHeaders,
                tls);
    }

    public EmulatorConfig withPlatforms(List<String> hosts) {
        return new EmulatorConfig(
                host,
                port,
                projectId,
                apiKey,
                List.copyOf(hosts),
                passwordHashing,
                rateLimits,
                requestLog,
                sessionDuration,
                maxBodyBytes,
                trustedIpHeaders,
                tls);
    }

    public EmulatorConfig withSessionDuration(Duration duration) {
        return new EmulatorConfig(
                host,
                port,
                projectId,
                apiKey,
                platforms,
                passwordHashing,
                rateLimits,
                requestLog,
                duration,
                maxBodyBytes,
                trustedIpHeaders,
                tls);
    }

    public EmulatorConfig withMaxBodyBytes(int bytes) {
        return new EmulatorConfig(
                host,
                port,
                projectId,
                apiKey,
                platforms,
                passwordHashing,
                rateLimits,
                requestLog,
                sessionDuration,
                bytes,
                trustedIpHeaders,
                tls);
    }

    public EmulatorConfig withApiKey(ApiKey key) {
        return new EmulatorConfig(
                host,
                port,
                projectId,
                key,
                platforms,
                passwordHashing,
                rateLimits,
                requestLog,
                sessionDuration,
                maxBodyBytes,
                trustedIpHeaders,
                tls);
    }

    public EmulatorConfig withTrustedIpHeaders(List<String> headers) {
        return new EmulatorConfig(
                host,
                port,
                projectId,
                apiKey,
                platforms,
                passwordHashing,
                rateLimits,
                requestLog,
                sessionDuration,
                maxBodyBytes,
                List.copyOf(headers),
                tls);
    }

    /** HTTPS (with HTTP/2) from these files; {@code null} for plain HTTP. */
    public EmulatorConfig withTls(ServerTlsFiles files) {
        return new EmulatorConfig(
                host,
                port,
                projectId,
                apiKey,
                platforms,
                passwordHashing,
                rateLimits,
                requestLog,
                sessionDuration,
                maxBodyBytes,
                trustedIpHeaders,
                files);
    }
}
