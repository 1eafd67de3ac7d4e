package io.authbench.serverbench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.authbench.serverbench.load.CsrPageView.BrowserSession;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Creates the user population through Appwrite's REST API ({@code POST /v1/users} with the API key) and signs each
 * page-view user in twice: once with the key, as ssr-app's admin client does (the returned {@code secret} is the SSR
 * cookie's value), and once as the CSR page does from the browser (no key, an {@code Origin} header; the
 * {@code a_session_<project>_legacy} cookie and the {@code X-Fallback-Cookies} value are what the browser keeps).
 * Plain {@code java.net.http}: this is set-up, not what is measured.
 */
public final class PopulationSeeder {
    /** Appwrite hashes every password with argon2 (64 MiB): two at a time use both cores of a small machine. */
    static final int PARALLEL_REQUESTS = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunningServers targets;
    private final Duration timeout;
    private final HttpClient http;
    private final String runTag = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));

    public PopulationSeeder(RunningServers targets, Duration timeout) {
        this.targets = targets;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** Creates {@code pageViewUsers} signed-in users and {@code loginUsers} plain ones. */
    public Population seed(int pageViewUsers, int loginUsers, PrintStream progress) {
        progress.printf(
                "  seeding %d page-view users (SSR + CSR sessions) and %d login users (argon2: a few seconds)%n",
                pageViewUsers, loginUsers);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS, r -> {
            Thread thread = new Thread(r, "server-bench-seeder");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<PopulationUser>> viewers = new ArrayList<>();
            for (int i = 0; i < pageViewUsers; i++) {
                int n = i;
                viewers.add(pool.submit(() -> signIn(create("viewer" + n))));
            }
            List<Future<PopulationUser>> logins = new ArrayList<>();
            for (int i = 0; i < loginUsers; i++) {
                int n = i;
                logins.add(pool.submit(() -> create("login" + n)));
            }
            return new Population(collect(viewers), collect(logins));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<PopulationUser> collect(List<Future<PopulationUser>> futures) {
        List<PopulationUser> users = new ArrayList<>();
        try {
            for (Future<PopulationUser> future : futures) {
                users.add(future.get());
            }
            return users;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SeedingException s
                    ? s
                    : new SeedingException("Preparing test users failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedingException("Interrupted while preparing test users.");
        }
    }

    PopulationUser create(String label) {
        String email = label + "-" + runTag + "@serverbench.test";
        String password = "pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        String name = "Grace Hopper " + label;
        String body = json(Map.of("userId", "unique()", "email", email, "password", password, "name", name));
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(api("/users"))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("X-Appwrite-Project", targets.projectId())
                        .header("X-Appwrite-Key", targets.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                "POST /v1/users");
        expect(response, 201, "POST /v1/users");
        return new PopulationUser(email, password, name, null, null);
    }

    PopulationUser signIn(PopulationUser user) {
        String credentials = json(Map.of("email", user.email(), "password", user.password()));
        HttpResponse<String> admin = send(
                HttpRequest.newBuilder(api("/account/sessions/email"))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("X-Appwrite-Project", targets.projectId())
                        .header("X-Appwrite-Key", targets.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(credentials))
                        .build(),
                "POST /v1/account/sessions/email (key)");
        expect(admin, 201, "POST /v1/account/sessions/email (key)");
        String secret = field(admin.body(), "secret");
        if (secret.isEmpty()) {
            throw new SeedingException("Appwrite returned an empty session secret to an API-key caller. Check that the"
                    + " key has the sessions.write scope.");
        }

        HttpResponse<String> browser = send(
                HttpRequest.newBuilder(api("/account/sessions/email"))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("X-Appwrite-Project", targets.projectId())
                        .header("Origin", targets.csrOrigin())
                        .POST(HttpRequest.BodyPublishers.ofString(credentials))
                        .build(),
                "POST /v1/account/sessions/email (browser)");
        expect(browser, 201, "POST /v1/account/sessions/email (browser)");
        String legacyName = "a_session_" + targets.projectId().toLowerCase(Locale.ROOT) + "_legacy";
        // Over http a browser keeps only the legacy cookie (the other is SameSite=None without Secure:
        // docs/appwrite-behaviour.md#cookies).
        Optional<String> cookie = browser.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(legacyName + "="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst();
        String fallback = browser.headers().firstValue("X-Fallback-Cookies").orElse("");
        if (cookie.isEmpty()) {
            throw new SeedingException("Appwrite set no " + legacyName + " cookie on a browser login; the CSR page view"
                    + " cannot be simulated. Check the emulator's cookie handling.");
        }
        return new PopulationUser(
                user.email(), user.password(), user.name(), secret, new BrowserSession(cookie.get(), fallback));
    }

    private URI api(String path) {
        return URI.create(targets.appwriteApi().toString().replaceAll("/+$", "") + path);
    }

    private HttpResponse<String> send(HttpRequest request, String label) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SeedingException(label + " to Appwrite at " + targets.appwriteApi() + " failed (" + e + ")."
                    + " Check that Appwrite is running.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedingException("Interrupted during " + label + ".");
        }
    }

    private static void expect(HttpResponse<String> response, int status, String label) {
        if (response.statusCode() != status) {
            String type = "";
            try {
                type = " " + JSON.readTree(response.body()).path("type").asText("");
            } catch (IOException | RuntimeException ignored) {
                // not an Appwrite error document: the status says enough
            }
            throw new SeedingException(label + " answered " + response.statusCode() + type + " instead of " + status
                    + ". Check the API key's scopes (users.write, sessions.write) and the project id.");
        }
    }

    private static String field(String body, String name) {
        try {
            JsonNode node = JSON.readTree(body).path(name);
            return node.isTextual() ? node.asText() : "";
        } catch (IOException e) {
            throw new SeedingException("Appwrite answered a login with something that is not JSON.");
        }
    }

    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
