package io.authbench.harness.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Warms freshly started servers before anything is measured: a burst of plain HTTP requests straight to each app
 * (not through the links, so it is quick) makes the JIT compile their request paths. The warm-up pairs that follow
 * warm the browser-driven paths (login, Appwrite calls) too.
 */
final class JitWarmup {
    /** As a browser asks for a page: csr-app serves its index.html only to requests that accept HTML. */
    static final String HTML = "text/html,application/xhtml+xml";

    private JitWarmup() {
    }

    /** Sends {@code rounds} GETs of each path to each base URL; answers are ignored, errors too. */
    static void run(List<URI> bases, List<String> paths, int rounds) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < rounds; i++) {
            for (URI base : bases) {
                for (String path : paths) {
                    try {
                        http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", HTML).timeout(Duration.ofSeconds(5)).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (IOException ignored) {
                        // a server that does not answer is caught by the liveness check before measuring
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** True if {@code base} answers any HTTP request (to its {@code /login}) within {@code timeout}. */
    static boolean answers(URI base, Duration timeout) {
        return answersAt(base.resolve("/login"), timeout);
    }

    /** True if a GET of {@code url} gets any HTTP answer within {@code timeout}. */
    static boolean answersAt(URI url, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build(); // HTTP/1.1: Node servers drop h2c upgrades
        try {
            http.send(HttpRequest.newBuilder(url).header("Accept", HTML).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
