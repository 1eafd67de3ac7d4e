package io.authbench.ssr.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.appwrite.Client;
import io.appwrite.coroutines.CoroutineCallback;
import io.appwrite.services.Users;
import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import io.authbench.support.process.TestClasspath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kotlin.coroutines.intrinsics.IntrinsicsKt;

/**
 * The real thing, as separate processes: the Appwrite emulator and this app started from its main class with its
 * flags, talking over loopback. Optionally a {@link CountingProxy} sits between the app and the emulator.
 *
 * <p>Every URL uses the host name {@code localhost} (docs/measurement-model.md#cookies-across-hosts: cookies stay
 * same-site).
 */
final class TestStack implements AutoCloseable {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> toClose = new ArrayList<>();
    final Path dir;
    final String apiKey;
    final ServerProcess emulator;
    final CountingProxy proxy;
    final ServerProcess app;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();

    private TestStack(Path dir, boolean withProxy, List<String> appArgs) throws IOException {
        this.dir = dir;
        this.apiKey = "standard_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        Path keyFile = Files.writeString(Files.createDirectories(dir).resolve("api.key"), apiKey + "\n");
        try {
            emulator = remember(ServerProcess.start(
                    ServerSpec.javaMain(
                            "appwrite-emulator",
                            TestClasspath.current(),
                            "io.authbench.emulator.EmulatorMain",
                            List.of(
                                    "--port",
                                    "0",
                                    "--project",
                                    "authbench",
                                    "--api-key-file",
                                    keyFile.toString(),
                                    "--password-hash",
                                    "fast")),
                    dir.resolve("logs")));
            URI appwrite = localhost(emulator.url());
            proxy = withProxy ? remember(CountingProxy.start(appwrite.getPort())) : null;
            URI endpoint = withProxy ? URI.create("http://localhost:" + proxy.port() + "/v1") : appwrite;
            List<String> args = new ArrayList<>(List.of(
                    "--port",
                    "0",
                    "--appwrite-endpoint",
                    endpoint.toString(),
                    "--project",
                    "authbench",
                    "--api-key-file",
                    keyFile.toString()));
            args.addAll(appArgs);
            app = remember(ServerProcess.start(
                    ServerSpec.javaMain("ssr-app", TestClasspath.current(), "io.authbench.ssr.SsrMain", args),
                    dir.resolve("logs")));
        } catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    /** Emulator + app (app → emulator directly). */
    static TestStack start(Path dir, String... appArgs) throws IOException {
        return new TestStack(dir, false, List.of(appArgs));
    }

    /** Emulator + counting proxy + app (app → proxy → emulator). */
    static TestStack startWithProxy(Path dir, String... appArgs) throws IOException {
        return new TestStack(dir, true, List.of(appArgs));
    }

    private <T extends AutoCloseable> T remember(T resource) {
        toClose.add(0, resource);
        return resource;
    }

    /** The app's base URL on host name localhost, e.g. {@code http://localhost:41234}. */
    URI appUrl() {
        return localhost(app.url());
    }

    URI appUrl(String path) {
        return appUrl().resolve(path);
    }

    /** Creates a user through the emulator's Users API with the real SDK, bounded by a timeout. */
    void createUser(String email, String password, String name) throws Exception {
        Client admin = new Client(localhost(emulator.url()).toString())
                .setProject("authbench")
                .setKey(apiKey);
        CompletableFuture<Object> done = new CompletableFuture<>();
        Object immediate = new Users(admin)
                .create("unique()", email, null, password, name, new CoroutineCallback<>((user, error) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                    } else {
                        done.complete(user);
                    }
                }));
        // A suspending SDK method whose answer came before it could suspend returns it here and never calls the
        // callback (a failure is thrown here instead, and leaves this method as it is).
        if (immediate != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
            done.complete(immediate);
        }
        done.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        admin.getHttp().dispatcher().executorService().shutdown();
        admin.getHttp().connectionPool().evictAll();
    }

    /** The emulator's {@code GET /_emulator/stats}: request counts per route. */
    JsonNode emulatorStats() throws Exception {
        URI stats = localhost(emulator.url()).resolve("/_emulator/stats");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(stats).timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    long emulatorCalls(String route) throws Exception {
        return emulatorStats().path("routes").path(route).path("count").asLong(0);
    }

    /** Everything the app wrote to stdout and stderr so far. */
    String appLogs() throws IOException {
        return Files.readString(app.stdoutLog()) + Files.readString(app.stderrLog());
    }

    static URI localhost(URI url) {
        return URI.create(url.toString().replace("://127.0.0.1:", "://localhost:"));
    }

    @Override
    public void close() {
        for (AutoCloseable resource : toClose) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("TestStack: could not close " + resource + ": " + e);
            }
        }
    }
}
