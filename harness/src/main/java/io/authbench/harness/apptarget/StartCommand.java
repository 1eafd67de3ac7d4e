package io.authbench.harness.apptarget;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the harness starts a target app for each profile: a target file's {@code start} object, placeholders not yet
 * filled. The format is documented in docs/running-at-scale.md ("Launched targets").
 *
 * @param command           executable and arguments; may contain {@link #PLACEHOLDERS}
 * @param directory         the working directory (absolute; relative paths in the file are against its folder)
 * @param environment       variables for the app; values may contain placeholders
 * @param apiKeyEnvironment the variable the harness puts the Appwrite API key in; null = the app gets no key
 * @param readyPath         readiness by URL: the path GET on the app until it answers below 500; null with a log line
 * @param readyLogLine      readiness by log line: a regular expression found in a stdout or stderr line; else null
 * @param startTimeout      how long the app may take to become ready
 */
public record StartCommand(
        List<String> command,
        Path directory,
        Map<String, String> environment,
        String apiKeyEnvironment,
        String readyPath,
        Pattern readyLogLine,
        Duration startTimeout) {

    /** Placeholder names the harness fills per profile, in the order the docs list them. */
    public static final List<String> PLACEHOLDERS =
            List.of("port", "host", "appwriteEndpoint", "appwriteBrowserEndpoint", "projectId");
    /** {@code {name}}: a placeholder. Anything else in braces stays as written ({@code {{}} is not special). */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public StartCommand {
        command = List.copyOf(command);
        Objects.requireNonNull(directory, "directory");
        // In the file's order: results.json lists the names as written.
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        Objects.requireNonNull(startTimeout, "startTimeout");
        if ((readyPath == null) == (readyLogLine == null)) {
            throw new IllegalArgumentException("exactly one of readyPath and readyLogLine");
        }
    }

    /**
     * The values of one profile, for {@link #command(Map)} and {@link #environment(Map, String)}.
     *
     * @param port                     the port the app must listen on
     * @param host                     the address it must listen on
     * @param appwriteEndpoint         Appwrite's API base for the app's server (the app→Appwrite link)
     * @param appwriteBrowserEndpoint  Appwrite's API base for its pages (the browser→Appwrite link)
     * @param projectId                the Appwrite project
     */
    public static Map<String, String> values(
            int port, String host, String appwriteEndpoint, String appwriteBrowserEndpoint, String projectId) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("port", Integer.toString(port));
        values.put("host", host);
        values.put("appwriteEndpoint", appwriteEndpoint);
        values.put("appwriteBrowserEndpoint", appwriteBrowserEndpoint);
        values.put("projectId", projectId);
        return values;
    }

    /** The command with every placeholder filled. */
    public List<String> command(Map<String, String> values) {
        List<String> filled = new ArrayList<>();
        command.forEach(part -> filled.add(fill(part, values)));
        return filled;
    }

    /** The environment with placeholders filled, plus the API key in {@link #apiKeyEnvironment} if one is named. */
    public Map<String, String> environment(Map<String, String> values, String apiKey) {
        Map<String, String> filled = new LinkedHashMap<>();
        environment.forEach((name, value) -> filled.put(name, fill(value, values)));
        if (apiKeyEnvironment != null) {
            filled.put(apiKeyEnvironment, apiKey);
        }
        return filled;
    }

    /** The placeholder names used in {@code text} that are not known; empty if all are. */
    static List<String> unknownPlaceholders(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) { // checked when the file was read; a value missing here is a harness bug
                throw new IllegalStateException("no value for placeholder {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
