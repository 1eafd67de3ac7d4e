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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a target file (JSON; {@code //} comments allowed) into a {@link Target}. Every problem is one
 * {@link TargetFileException} naming the file, the field and the fix; unknown fields are rejected, so a misspelt
 * optional field never goes unnoticed. The format is documented in docs/running-at-scale.md.
 */
public final class TargetFile {
    static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");
    /** RFC 6265 cookie-name token characters. */
    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");
    static final List<String> FIELDS = List.of("name", "pattern", "baseUrl", "routes", "selectors", "sessionCookie",
            "nameMatch", "serverPid");
    static final List<String> ROUTES = List.of("login", "dashboard", "profile");
    /** Routes a flow may do without (the flows that need them are skipped). */
    static final List<String> OPTIONAL_ROUTES = List.of("profile");
    static final List<String> SELECTORS = List.of("email", "password", "submit", "userName", "profileName", "profileLink",
            "logout", "loginHeading", "loginError", "upstreamError");
    /** Selectors only some flows need (those are skipped without them), and the optional error selectors. */
    static final List<String> OPTIONAL_SELECTORS = List.of("profileName", "profileLink", "logout", "loginHeading",
            "loginError", "upstreamError");

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private final String source;

    private TargetFile(String source) {
        this.source = source;
    }

    /** Reads and validates {@code file}. */
    public static Target read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TargetFileException("target file " + file + ": no such file; give the path of a JSON target file"
                    + " (examples: targets/bundled-ssr.json, targets/bundled-csr.json).");
        } catch (IOException e) {
            throw new TargetFileException("target file " + file + ": cannot be read (" + e.getMessage() + ").");
        }
        return parse(text, file.toString());
    }

    /** Parses target JSON; {@code source} names it in messages (usually the file path). */
    public static Target parse(String text, String source) {
        return new TargetFile(source).parse(text);
    }

    private Target parse(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new TargetFileException("target file " + source + ": not valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "); fix the syntax.");
        }
        if (root == null || !root.isObject()) {
            throw new TargetFileException("target file " + source + ": expected a JSON object with the fields "
                    + String.join(", ", FIELDS) + ".");
        }
        rejectUnknown(root, "", FIELDS);
        String name = text(root, "name");
        if (!NAME.matcher(name).matches()) {
            throw bad("name", "'" + name + "' is not 1 to 40 characters of a-z, 0-9 and '-'", "use e.g. \"my-app-ssr\"");
        }
        String patternText = text(root, "pattern");
        Target.Pattern pattern = switch (patternText) {
            case "ssr" -> Target.Pattern.SSR;
            case "csr" -> Target.Pattern.CSR;
            default -> throw bad("pattern", "'" + patternText + "' is not a pattern", "use \"ssr\" or \"csr\"");
        };
        String baseUrl = baseUrl(text(root, "baseUrl"), "baseUrl");
        JsonNode routesNode = object(root, "routes", ROUTES);
        Target.Routes routes = new Target.Routes(route(routesNode, "login"), route(routesNode, "dashboard"),
                route(routesNode, "profile"));
        JsonNode sel = object(root, "selectors", SELECTORS);
        List<String> s = new ArrayList<>();
        for (String field : SELECTORS) {
            s.add(OPTIONAL_SELECTORS.contains(field) && absent(sel, field) ? null
                    : text(sel, field, "selectors." + field, "a CSS selector, e.g. \"[data-testid=user-name]\""));
        }
        Target.Selectors selectors = new Target.Selectors(s.get(0), s.get(1), s.get(2), s.get(3), s.get(4), s.get(5),
                s.get(6), s.get(7), s.get(8), s.get(9));
        String cookie = null;
        if (root.has("sessionCookie") && !root.get("sessionCookie").isNull()) {
            cookie = text(root, "sessionCookie");
            if (!COOKIE_NAME.matcher(cookie).matches()) {
                throw bad("sessionCookie", "'" + cookie + "' is not a cookie name", "give the name only, e.g. \"my_session\"");
            }
            if (pattern == Target.Pattern.CSR) {
                throw bad("sessionCookie", "is for SSR targets only (a CSR app's session is Appwrite's own cookie)",
                        "remove the field");
            }
        }
        long pid = -1;
        if (root.has("serverPid") && !root.get("serverPid").isNull()) {
            JsonNode node = root.get("serverPid");
            if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() <= 0) {
                throw bad("serverPid", "'" + node + "' is not a process id", "give the app server's process id on this"
                        + " machine as a positive whole number, or remove the field (server CPU is then not measured)");
            }
            pid = node.asLong();
        }
        return new Target(name, pattern, baseUrl, routes, selectors, cookie, nameMatch(root), pid, source);
    }

    /** Checks a base URL (a target file's, or a {@code --target-base-url} override) and drops a trailing slash. */
    static String checkBaseUrl(String value, String what) {
        return new TargetFile(what).baseUrl(value, null);
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
            throw bad(field, "'" + value + "' has a user name, password, query or fragment",
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
                throw bad("nameMatch.regex", e.getMessage(), "fix the expression (syntax common to Java and JavaScript)");
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
        String value = text(routes, field, "routes." + field, "a path such as \"/" + field + "\"");
        if (!value.startsWith("/") || value.startsWith("//") || value.contains("?") || value.contains("#")
                || value.chars().anyMatch(Character::isWhitespace)) {
            throw bad("routes." + field, "'" + value + "' is not a path", "give a path that starts with '/', without"
                    + " query or fragment, e.g. \"/" + field + "\"");
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
            throw bad(prefix + first, "is not a known field", "remove it or fix its spelling; the known fields"
                    + (prefix.isEmpty() ? "" : " of " + prefix.substring(0, prefix.length() - 1)) + " are "
                    + String.join(", ", known));
        }
    }

    private TargetFileException bad(String field, String problem, String fix) {
        if (field == null) { // an override on the command line, not a file
            return new TargetFileException(source + ": " + problem + "; " + fix + ".");
        }
        return new TargetFileException("target file " + source + ": field \"" + field + "\" " + problem + "; " + fix + ".");
    }
}
