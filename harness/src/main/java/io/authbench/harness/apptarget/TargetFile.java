package io.authbench.harness.apptarget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a target file (JSON; {@code //} comments allowed) into a {@link Target}. Every problem is one
 * {@link TargetFileException} naming the file, the field and the fix; unknown fields are rejected, so a misspelt
 * optional field never goes unnoticed. The format is documented in docs/running-at-scale.md.
 */
public final class TargetFile {
    static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");
    /** RFC 6265 cookie-name token characters. */
    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");

    static final List<String> FIELDS = List.of(
            "name",
            "pattern",
            "baseUrl",
            "routes",
            "selectors",
            "sessionCookie",
            "nameMatch",
            "serverPid",
            "start",
            "ports");
    static final List<String> ROUTES = List.of("login", "dashboard", "profile");
    /** Routes a flow may do without (the flows that need them are skipped). */
    static final List<String> OPTIONAL_ROUTES = List.of("profile");

    static final List<String> SELECTORS = List.of(
            "email",
            "password",
            "submit",
            "userName",
            "profileName",
            "profileLink",
            "logout",
            "loginHeading",
            "loginError",
            "upstreamError");
    /** Selectors only some flows need (those are skipped without them), and the optional error selectors. */
    static final List<String> OPTIONAL_SELECTORS =
            List.of("profileName", "profileLink", "logout", "loginHeading", "loginError", "upstreamError");

    static final List<String> START =
            List.of("command", "directory", "environment", "apiKeyEnvironment", "ready", "startTimeoutSeconds");
    static final List<String> PORTS = List.of("app", "appwriteForBrowser");
    /** A launched target's stand-in base URL until a profile gives it its browser→app link. */
    static final String LAUNCHED_BASE = "http://launched.invalid";

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final int DEFAULT_START_TIMEOUT_SECONDS = 60;

    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private final String source;
    /** The folder a launched target's relative {@code start.directory} is resolved against. */
    private final Path folder;

    private TargetFile(String source, Path folder) {
        this.source = source;
        this.folder = folder;
    }

    /** Reads and validates {@code file}; the app only (see {@link #readSpec} for how to start it). */
    public static Target read(Path file) {
        return readSpec(file).target();
    }

    /** Reads and validates {@code file}, with its {@code start} and {@code ports} if it has them. */
    public static TargetSpec readSpec(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TargetFileException("target file " + file + ": no such file; give the path of a JSON target file"
                    + " (examples: targets/bundled-ssr.json, targets/bundled-csr.json).");
        } catch (IOException e) {
            throw new TargetFileException("target file " + file + ": cannot be read (" + e.getMessage() + ").");
        }
        Path parent = file.toAbsolutePath().getParent();
        return new TargetFile(file.toString(), parent == null ? Path.of("").toAbsolutePath() : parent).parse(text);
    }

    /** Parses target JSON; {@code source} names it in messages (usually the file path). */
    public static Target parse(String text, String source) {
        return parseSpec(text, source, Path.of("")).target();
    }

    /** As {@link #parse}, with {@code start} and {@code ports}; a relative {@code start.directory} is against {@code folder}. */
    public static TargetSpec parseSpec(String text, String source, Path folder) {
        return new TargetFile(source, folder.toAbsolutePath()).parse(text);
    }

    private TargetSpec parse(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new TargetFileException("target file " + source + ": not valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + " at line "
                    + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "); fix the syntax.");
        }
        if (root == null || !root.isObject()) {
            throw new TargetFileException("target file " + source + ": expected a JSON object with the fields "
                    + String.join(", ", FIELDS) + ".");
        }
        rejectUnknown(root, "", FIELDS);
        String name = text(root, "name");
        if (!NAME.matcher(name).matches()) {
            throw bad(
                    "name", "'" + name + "' is not 1 to 40 characters of a-z, 0-9 and '-'", "use e.g. \"my-app-ssr\"");
        }
        String patternText = text(root, "pattern");
        Target.Pattern pattern = switch (patternText) {
            case "ssr" -> Target.Pattern.SSR;
            case "csr" -> Target.Pattern.CSR;
            default -> throw bad("pattern", "'" + patternText + "' is not a pattern", "use \"ssr\" or \"csr\"");
        };
        boolean launched = root.has("start") && !root.get("start").isNull();
        // A launched app is reached through its browser→app link, whose address the profile decides.
        String baseUrl = launched && !root.has("baseUrl") ? LAUNCHED_BASE : baseUrl(text(root, "baseUrl"), "baseUrl");
        JsonNode routesNode = object(root, "routes", ROUTES);
        Target.Routes routes = new Target.Routes(
                route(routesNode, "login"), route(routesNode, "dashboard"), route(routesNode, "profile"));
        JsonNode sel = object(root, "selectors", SELECTORS);
        List<String> s = new ArrayList<>();
        for (String field : SELECTORS) {
            s.add(
                    OPTIONAL_SELECTORS.contains(field) && absent(sel, field)
                            ? null
                            : text(
                                    sel,
                                    field,
                                    "selectors." + field,
                                    "a CSS selector, e.g. \"[data-testid=user-name]\""));
        }
        Target.Selectors selectors = new Target.Selectors(
                s.get(0), s.get(1), s.get(2), s.get(3), s.get(4), s.get(5), s.get(6), s.get(7), s.get(8), s.get(9));
        String cookie = null;
        if (root.has("sessionCookie") && !root.get("sessionCookie").isNull()) {
            cookie = text(root, "sessionCookie");
            if (!COOKIE_NAME.matcher(cookie).matches()) {
                throw bad(
                        "sessionCookie",
                        "'" + cookie + "' is not a cookie name",
                        "give the name only, e.g. \"my_session\"");
            }
            if (pattern == Target.Pattern.CSR) {
                throw bad(
                        "sessionCookie",
                        "is for SSR targets only (a CSR app's session is Appwrite's own cookie)",
                        "remove the field");
            }
        }
        long pid = -1;
        if (root.has("serverPid") && !root.get("serverPid").isNull()) {
            JsonNode node = root.get("serverPid");
            if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() <= 0) {
                throw bad(
                        "serverPid",
                        "'" + node + "' is not a process id",
                        "give the app server's process id on this"
                                + " machine as a positive whole number, or remove the field (server CPU is then not measured)");
            }
            pid = node.asLong();
        }
        if (launched && pid > 0) {
            throw bad(
                    "serverPid",
                    "is for an app that runs on its own; with \"start\" the harness knows the process it" + " started",
                    "remove serverPid (its CPU is measured anyway)");
        }
        Target target = new Target(name, pattern, baseUrl, routes, selectors, cookie, nameMatch(root), pid, source);
        StartCommand start = launched ? start(root.get("start"), routes) : null;
        PinnedPorts ports = PinnedPorts.NONE;
        if (root.has("ports") && !root.get("ports").isNull()) {
            if (!launched) {
                throw bad(
                        "ports",
                        "pins the ports of links the harness puts in front of an app it starts",
                        "add \"start\" (how to start the app), or remove \"ports\"");
            }
            JsonNode node = object(root, "ports", PORTS);
            ports = new PinnedPorts(port(node, "app"), port(node, "appwriteForBrowser"));
            if (ports.app() != 0 && ports.app() == ports.appwriteForBrowser()) {
                throw bad("ports", "pins the same port for the app and Appwrite", "give two different ports");
            }
        }
        return new TargetSpec(target, start, ports);
    }

    private int port(JsonNode ports, String field) {
        JsonNode node = ports.get(field);
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber() || node.asLong() < 1024 || node.asLong() > 65535) {
            throw bad(
                    "ports." + field,
                    "'" + node + "' is not a port from 1024 to 65535",
                    "give a free port number," + " e.g. 3100, or remove the field (any free port)");
        }
        return node.asInt();
    }

    private StartCommand start(JsonNode node, Target.Routes routes) {
        if (!node.isObject()) {
            throw bad("start", "is not an object", "give an object with " + String.join(", ", START));
        }
        rejectUnknown(node, "start.", START);
        JsonNode commandNode = node.get("command");
        if (commandNode == null || !commandNode.isArray() || commandNode.isEmpty()) {
            throw bad(
                    "start.command",
                    commandNode == null ? "is missing" : "is not a non-empty list of strings",
                    "give the executable and its arguments as a list, e.g. [\"node\", \"server.js\", \"--port\", \"{port}\"]");
        }
        List<String> command = new ArrayList<>();
        for (int i = 0; i < commandNode.size(); i++) {
            JsonNode part = commandNode.get(i);
            String field = "start.command[" + i + "]";
            if (!part.isTextual() || part.asText().isEmpty()) {
                throw bad(field, "is not a non-empty string", "give each part of the command as a string");
            }
            command.add(placeholders(part.asText(), field));
        }
        Path directory = folder;
        if (node.has("directory") && !node.get("directory").isNull()) {
            String dir = text(node, "directory", "start.directory", "a folder, e.g. \".\"");
            directory = folder.resolve(dir).normalize();
            if (!Files.isDirectory(directory)) {
                throw bad(
                        "start.directory",
                        "'" + dir + "' is not a folder (" + directory + ")",
                        "give the app's folder, relative to the target file's folder");
            }
        }
        Map<String, String> environment = new LinkedHashMap<>();
        String keyVariable = null;
        if (node.has("apiKeyEnvironment") && !node.get("apiKeyEnvironment").isNull()) {
            keyVariable = text(
                    node, "apiKeyEnvironment", "start.apiKeyEnvironment", "a variable name, e.g. \"APPWRITE_API_KEY\"");
            if (!ENV_NAME.matcher(keyVariable).matches()) {
                throw bad(
                        "start.apiKeyEnvironment",
                        "'" + keyVariable + "' is not an environment variable name",
                        "use letters, digits and '_', e.g. \"APPWRITE_API_KEY\"");
            }
        }
        if (node.has("environment") && !node.get("environment").isNull()) {
            JsonNode env = node.get("environment");
            if (!env.isObject()) {
                throw bad("start.environment", "is not an object", "give {\"NAME\": \"value\", ...}");
            }
            for (Iterator<String> names = env.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String field = "start.environment." + name;
                if (!ENV_NAME.matcher(name).matches()) {
                    throw bad(field, "is not an environment variable name", "use letters, digits and '_'");
                }
                if (name.equals(keyVariable)) {
                    throw bad(
                            field,
                            "is also start.apiKeyEnvironment",
                            "remove it: the harness sets that variable to the API key");
                }
                if (!env.get(name).isTextual()) {
                    throw bad(field, "is not a string", "give the value as a string, e.g. \"{port}\"");
                }
                environment.put(name, placeholders(env.get(name).asText(), field));
            }
        }
        String readyPath = routes.login();
        Pattern readyLine = null;
        if (node.has("ready") && !node.get("ready").isNull()) {
            JsonNode ready = node.get("ready");
            if (!ready.isObject() || ready.size() != 1 || !(ready.has("url") || ready.has("logLine"))) {
                throw bad(
                        "start.ready",
                        "is not {\"url\": ...} or {\"logLine\": ...}",
                        "give one of them, e.g."
                                + " {\"url\": \"" + routes.login()
                                + "\"} (GET until it answers below 500) or {\"logLine\":"
                                + " \"Ready in\"} (a regular expression found in a log line)");
            }
            if (ready.has("url")) {
                readyPath = route(ready, "url", "start.ready.url");
            } else {
                readyPath = null;
                String expression =
                        text(ready, "logLine", "start.ready.logLine", "a regular expression, e.g. \"Ready in\"");
                try {
                    readyLine = Pattern.compile(expression);
                } catch (PatternSyntaxException e) {
                    throw bad(
                            "start.ready.logLine",
                            "is not a regular expression (" + e.getDescription() + ")",
                            "give a Java regular expression, e.g. \"Ready in\"");
                }
            }
        }
        int timeout = DEFAULT_START_TIMEOUT_SECONDS;
        if (node.has("startTimeoutSeconds") && !node.get("startTimeoutSeconds").isNull()) {
            JsonNode t = node.get("startTimeoutSeconds");
            if (!t.isIntegralNumber() || t.asLong() < 1 || t.asLong() > 3600) {
                throw bad(
                        "start.startTimeoutSeconds",
                        "'" + t + "' is not a whole number of seconds from 1 to 3600",
                        "give e.g. 60");
            }
            timeout = t.asInt();
        }
        return new StartCommand(
                command, directory, environment, keyVariable, readyPath, readyLine, Duration.ofSeconds(timeout));
    }

    /** Checks that {@code text} uses only known placeholders; returns it unchanged. */
    private String placeholders(String text, String field) {
        List<String> unknown = StartCommand.unknownPlaceholders(text);
        if (!unknown.isEmpty()) {
            String u = unknown.get(0);
            String hint = u.toLowerCase(Locale.ROOT).contains("key")
                    ? "the API key is never a placeholder (it would show on command lines and in logs): name the"
                            + " variable that should hold it in start.apiKeyEnvironment"
                    : "use one of {" + String.join("}, {", StartCommand.PLACEHOLDERS) + "}";
            throw bad(field, "uses the unknown placeholder {" + u + "}", hint);
        }
        return text;
    }

    /** Checks a base URL (a target file's, or a {@code --target-base-url} override) and drops a trailing slash. */
    static String checkBaseUrl(String value, String what) {
        return new TargetFile(what, Path.of("")).baseUrl(value, null);
    }

    private String baseUrl(String value, String field) {
        String fix = "give the app's address, e.g. \"http://localhost:3001\" or \"https://staging.example.com\"";
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw bad(field, "'" + value + "' is not a URL (" + e.getReason() + ")", fix);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw bad(field, "'" + value + "' is not an http or https URL", fix);
        }
        if (uri.getHost() == null) {
            throw bad(field, "'" + value + "' has no host name", fix);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(
                    field,
                    "'" + value + "' has a user name, password, query or fragment",
                    "give scheme, host, port and path only");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** {@code "exact"} (also when absent), {@code "contains"}, or {@code {"regex": "…{name}…"}}. */
    private NameMatch nameMatch(JsonNode root) {
        String fix = "give \"exact\" (the default), \"contains\", or {\"regex\": \"^Welcome back, {name}!$\"}";
        if (absent(root, "nameMatch")) {
            return NameMatch.EXACT;
        }
        JsonNode node = root.get("nameMatch");
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "exact" -> NameMatch.EXACT;
                case "contains" -> NameMatch.CONTAINS;
                default -> throw bad("nameMatch", "'" + node.asText() + "' is not a name match", fix);
            };
        }
        if (node.isObject()) {
            rejectUnknown(node, "nameMatch.", List.of("regex"));
            String template = text(node, "regex", "nameMatch.regex", "a regular expression with {name} in it");
            try {
                return NameMatch.regex(template);
            } catch (IllegalArgumentException e) {
                throw bad(
                        "nameMatch.regex", e.getMessage(), "fix the expression (syntax common to Java and JavaScript)");
            }
        }
        throw bad("nameMatch", "is neither a string nor an object", fix);
    }

    private static boolean absent(JsonNode node, String field) {
        return !node.has(field) || node.get(field).isNull();
    }

    private String route(JsonNode routes, String field) {
        if (OPTIONAL_ROUTES.contains(field) && absent(routes, field)) {
            return null;
        }
        return route(routes, field, "routes." + field);
    }

    private String route(JsonNode node, String field, String path) {
        String value = text(node, field, path, "a path such as \"/" + field + "\"");
        if (!value.startsWith("/")
                || value.startsWith("//")
                || value.contains("?")
                || value.contains("#")
                || value.chars().anyMatch(Character::isWhitespace)) {
            throw bad(
                    path,
                    "'" + value + "' is not a path",
                    "give a path that starts with '/', without" + " query or fragment, e.g. \"/" + field + "\"");
        }
        return value;
    }

    private JsonNode object(JsonNode root, String field, List<String> fields) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw bad(field, "is missing", "add an object with " + String.join(", ", fields));
        }
        if (!node.isObject()) {
            throw bad(field, "is not an object", "give an object with " + String.join(", ", fields));
        }
        rejectUnknown(node, field + ".", fields);
        return node;
    }

    private String text(JsonNode node, String field) {
        return text(node, field, field, "a string");
    }

    private String text(JsonNode node, String field, String path, String expected) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw bad(path, "is missing", "add " + expected);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw bad(path, "must be a non-empty string", "give " + expected);
        }
        return value.asText().strip();
    }

    private void rejectUnknown(JsonNode node, String prefix, List<String> known) {
        Set<String> unknown = new LinkedHashSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw bad(
                    prefix + first,
                    "is not a known field",
                    "remove it or fix its spelling; the known fields"
                            + (prefix.isEmpty() ? "" : " of " + prefix.substring(0, prefix.length() - 1)) + " are "
                            + String.join(", ", known));
        }
    }

    private TargetFileException bad(String field, String problem, String fix) {
        if (field == null) { // an override on the command line, not a file
            return new TargetFileException(source + ": " + problem + "; " + fix + ".");
        }
        return new TargetFileException(
                "target file " + source + ": field \"" + field + "\" " + problem + "; " + fix + ".");
    }
}
