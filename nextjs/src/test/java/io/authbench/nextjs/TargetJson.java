package io.authbench.nextjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One app's {@code target.json}, read the way the harness reads it: the tests start each app from its own target
 * file, so a wrong command, directory or variable there fails here first.
 */
record TargetJson(Path file, JsonNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The folder holding both apps; Maven passes it as {@code nextjs.dir}. */
    static Path nextjsDir() {
        return Path.of(System.getProperty("nextjs.dir", ".")).toAbsolutePath().normalize();
    }

    static TargetJson of(String app) {
        Path file = nextjsDir().resolve(app).resolve("target.json");
        try {
            return new TargetJson(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    String name() {
        return json.path("name").asText();
    }

    String selector(String key) {
        return json.path("selectors").path(key).asText();
    }

    Optional<String> sessionCookie() {
        return Optional.ofNullable(json.get("sessionCookie")).map(JsonNode::asText);
    }

    Path directory() {
        return file.getParent()
                .resolve(json.path("start").path("directory").asText("."))
                .normalize();
    }

    String readyPath() {
        return json.path("start").path("ready").path("url").asText();
    }

    Duration startTimeout() {
        return Duration.ofSeconds(json.path("start").path("startTimeoutSeconds").asLong());
    }

    Optional<String> apiKeyEnvironment() {
        return Optional.ofNullable(json.path("start").get("apiKeyEnvironment")).map(JsonNode::asText);
    }

    /** The start command with its {@code {placeholders}} filled in. */
    List<String> command(Map<String, String> values) {
        List<String> command = new ArrayList<>();
        json.path("start").path("command").forEach(part -> command.add(fill(part.asText(), values)));
        return command;
    }

    /** The start environment with its {@code {placeholders}} filled in. */
    Map<String, String> environment(Map<String, String> values) {
        Map<String, String> environment = new LinkedHashMap<>();
        json.path("start")
                .path("environment")
                .properties()
                .forEach(entry ->
                        environment.put(entry.getKey(), fill(entry.getValue().asText(), values)));
        return environment;
    }

    private String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (filled.matches(".*\\{[A-Za-z]+}.*")) {
            throw new IllegalStateException(file + ": no value for a placeholder in '" + text + "'");
        }
        return filled;
    }
}
