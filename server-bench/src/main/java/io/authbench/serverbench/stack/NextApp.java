package io.authbench.serverbench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.authbench.serverbench.ServerBenchException;
import io.authbench.support.process.Readiness;
import io.authbench.support.process.ServerSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the Next.js reference apps ({@code nextjs/ssr} or {@code nextjs/csr}), started the way its
 * {@code target.json} says (the file the harness's browser phase and the module's own tests start it from): the
 * command in the app's folder, the environment with the placeholders filled, the API key only in the variable the
 * file names (never on the command line), ready once its ready URL answers below 500.
 *
 * <p>Read here rather than through the harness's target-file parser because the harness depends on this module;
 * only the {@code start} object is read.
 *
 * @param variant        {@code next-ssr} or {@code next-csr} (the target file's {@code name})
 * @param folder         the app's folder (holds {@code target.json}, {@code .next/}, {@code node_modules/})
 * @param command        the start command, placeholders not filled
 * @param directory      its working directory (absolute)
 * @param environment    variables for the app, placeholders not filled
 * @param apiKeyVariable the variable that receives the API key, null if the app gets none
 * @param readyPath      the path polled until it answers
 * @param startTimeout   how long the app may take to become ready
 */
public record NextApp(
        String variant,
        Path folder,
        List<String> command,
        Path directory,
        Map<String, String> environment,
        String apiKeyVariable,
        String readyPath,
        Duration startTimeout) {
    /** The loopback address the apps listen on. */
    public static final String HOST = "127.0.0.1";
    /** How to build the apps, for messages. */
    public static final String BUILD_HINT = "Build them with `mvn -B -q -pl nextjs -am verify -Dbench.nextjs=true"
            + " -DskipTests` (or `node nextjs/build-apps.mjs`)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public NextApp {
        command = List.copyOf(command);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /**
     * Reads {@code <folder>/target.json} and checks that the app was built.
     *
     * @throws ServerBenchException naming what is missing and how to build it
     */
    public static NextApp read(Path folder, String expectedVariant) {
        Path file = folder.resolve("target.json");
        if (!Files.isRegularFile(file)) {
            throw new ServerBenchException(expectedVariant + ": " + file + " not found. Point --nextjs-dir at the"
                    + " project's nextjs folder (it holds ssr/target.json and csr/target.json).");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ServerBenchException(
                    expectedVariant + ": " + file + " is not valid JSON (" + e.getMessage() + ").", e);
        }
        String name = root.path("name").asText("");
        if (!name.equals(expectedVariant)) {
            throw new ServerBenchException(file + " describes '" + name + "', expected '" + expectedVariant + "'. Point"
                    + " --nextjs-dir at the project's nextjs folder.");
        }
        JsonNode start = root.path("start");
        List<String> command = new ArrayList<>();
        start.path("command").forEach(part -> command.add(part.asText()));
        Map<String, String> environment = new LinkedHashMap<>();
        start.path("environment")
                .fields()
                .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        String readyPath = start.path("ready").path("url").asText("");
        if (command.isEmpty() || readyPath.isEmpty()) {
            throw new ServerBenchException(file + " has no start.command or no start.ready.url: server-bench starts the"
                    + " app from them and knows it is ready when that URL answers.");
        }
        String apiKey = start.path("apiKeyEnvironment").isTextual()
                ? start.path("apiKeyEnvironment").asText()
                : null;
        Duration timeout = Duration.ofSeconds(start.path("startTimeoutSeconds").asLong(60));
        Path directory =
                folder.resolve(start.path("directory").asText(".")).normalize().toAbsolutePath();
        NextApp app =
                new NextApp(name, folder.toAbsolutePath(), command, directory, environment, apiKey, readyPath, timeout);
        app.requireBuilt();
        return app;
    }

    /** @throws ServerBenchException if the production build or the installed packages are missing */
    void requireBuilt() {
        if (!Files.isRegularFile(directory.resolve(".next/BUILD_ID"))) {
            throw new ServerBenchException(variant + " is not built: " + directory.resolve(".next/BUILD_ID")
                    + " is missing (`next start` serves a production build). " + BUILD_HINT + ".");
        }
        if (!Files.isDirectory(directory.resolve("node_modules/next"))) {
            throw new ServerBenchException(variant + " has no installed packages: "
                    + directory.resolve("node_modules/next") + " is missing. " + BUILD_HINT + ".");
        }
    }

    /**
     * The process to start on {@code port}: the command and environment with the placeholders filled, the API key
     * added under {@link #apiKeyVariable} if the app takes one.
     *
     * @param appwriteApi        Appwrite's API base for the app's server
     * @param appwriteBrowserApi Appwrite's API base as the page reaches it (host name localhost: same-site cookies)
     */
    public ServerSpec spec(int port, URI appwriteApi, URI appwriteBrowserApi, String projectId, String apiKey) {
        Map<String, String> values = Map.of(
                "port",
                Integer.toString(port),
                "host",
                HOST,
                "appwriteEndpoint",
                appwriteApi.toString(),
                "appwriteBrowserEndpoint",
                appwriteBrowserApi.toString(),
                "projectId",
                projectId);
        List<String> filled = command.stream().map(part -> fill(part, values)).toList();
        Map<String, String> env = new LinkedHashMap<>();
        environment.forEach((name, value) -> env.put(name, fill(value, values)));
        if (apiKeyVariable != null) {
            env.put(apiKeyVariable, apiKey);
        }
        URI base = URI.create("http://" + HOST + ":" + port);
        return new ServerSpec(
                variant, filled, env, directory, startTimeout, Readiness.httpGet(base.resolve(readyPath), base));
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new ServerBenchException(
                        "target.json uses the placeholder {" + m.group(1) + "}, which server-bench"
                                + " does not know (known: port, host, appwriteEndpoint, appwriteBrowserEndpoint, projectId).");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
