package io.authbench.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small HTTP client for raw protocol tests: every request has a timeout, responses are easy to assert on. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String baseUrl;

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A request builder for a path under the base URL, with the project header already set. */
    Request request(String method, String path) {
        return new Request(method, baseUrl + path).header("X-Appwrite-Project", TestEmulator.PROJECT);
    }

    /** A request without any default header. */
    Request bare(String method, String url) {
        return new Request(method, url);
    }

    static final class Request {
        private final String method;
        private final String url;
        private final List<String[]> headers = new ArrayList<>();
        private String body;

        Request(String method, String url) {
            this.method = method;
            this.url = url;
        }

        Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Request withoutProjectHeader() {
            headers.removeIf(h -> h[0].equals("X-Appwrite-Project"));
            return this;
        }

        Request key() {
            return header("X-Appwrite-Key", TestEmulator.API_KEY);
        }

        Request json(String json) {
            this.body = json;
            return header("Content-Type", "application/json");
        }

        Request body(String raw) {
            this.body = raw;
            return this;
        }

        Response send() {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
            for (String[] header : headers) {
                builder.header(header[0], header[1]);
            }
            builder.method(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            try {
                return new Response(CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Response(HttpResponse<String> raw) {
        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        Map<String, List<String>> allHeaders() {
            return raw.headers().map();
        }

        /** The error {@code type} of an Appwrite error body. */
        String type() {
            return json().path("type").asText();
        }

        String message() {
            return json().path("message").asText();
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
