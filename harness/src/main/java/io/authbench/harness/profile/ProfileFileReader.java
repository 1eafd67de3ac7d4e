package io.authbench.harness.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads one profiles file (format: harness/README-profiles.md) into validated {@link NetworkProfile}s.
 *
 * <p>Walks the JSON tree by hand instead of binding to records: every rejection must name the file, the profile and
 * the field, and say what would be accepted, which generic binding errors do not.
 */
final class ProfileFileReader {

    static final List<String> PROFILE_FIELDS =
            List.of("name", "description", "browserApp", "browserAppwrite", "appAppwrite", "cpuSlowdown");
    static final List<String> LINK_FIELDS = List.of("rttMs", "downMbps", "upMbps");

    /** Above this an RTT is almost certainly a typo (seconds written as milliseconds twice over). */
    static final double MAX_RTT_MS = 10_000;
    /** Below 10 kbit/s a page load takes minutes; such a value is a unit mistake, not a profile. */
    static final double MIN_MBPS = 0.01;

    static final double MAX_CPU_SLOWDOWN = 50;

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String source;

    private ProfileFileReader(String source) {
        this.source = source;
    }

    /**
     * Parses a whole file.
     *
     * @param source how to name the file in messages, e.g. its path
     */
    static List<NetworkProfile> read(String source, InputStream in) {
        return new ProfileFileReader(source).read(in);
    }

    private List<NetworkProfile> read(InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw fail(
                    "not valid JSON" + at + ": "
                            + e.getOriginalMessage().lines().findFirst().orElse(""),
                    e);
        } catch (IOException e) {
            throw fail("cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw fail("must be a JSON object of the form {\"profiles\": [ ... ]}");
        }
        rejectUnknownKeys(root, List.of("profiles"), "");
        JsonNode profiles = root.get("profiles");
        if (profiles == null || !profiles.isArray()) {
            throw fail("needs a \"profiles\" array, e.g. {\"profiles\": [{\"name\": \"my-net\", ...}]}");
        }
        if (profiles.isEmpty()) {
            throw fail("\"profiles\" is empty; define at least one profile");
        }
        List<NetworkProfile> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < profiles.size(); i++) {
            NetworkProfile profile = profile(profiles.get(i), i);
            if (!seen.add(profile.name())) {
                throw fail("profile \"" + profile.name() + "\" is defined twice; keep one definition");
            }
            result.add(profile);
        }
        return List.copyOf(result);
    }

    private NetworkProfile profile(JsonNode node, int index) {
        String where = "profile #" + (index + 1);
        if (!node.isObject()) {
            throw fail(where + ": must be a JSON object with the fields " + String.join(", ", PROFILE_FIELDS));
        }
        JsonNode nameNode = node.get("name");
        if (nameNode == null || !nameNode.isTextual()) {
            throw fail(where + ": missing field \"name\" (a string such as \"slow-4g\")");
        }
        String name = nameNode.asText();
        if (!ProfileNames.isValid(name)) {
            throw fail(where + ": name \"" + name + "\" " + ProfileNames.RULE);
        }
        String context = "profile \"" + name + "\"";
        rejectUnknownKeys(node, PROFILE_FIELDS, context);
        String description = text(node, "description", context);
        LinkSpec browserApp = link(node, "browserApp", context);
        LinkSpec browserAppwrite = link(node, "browserAppwrite", context);
        LinkSpec appAppwrite = link(node, "appAppwrite", context);
        double cpu = number(node, "cpuSlowdown", context);
        if (cpu < 1 || cpu > MAX_CPU_SLOWDOWN) {
            throw fail(context + ": field \"cpuSlowdown\" must be between 1 (no slowdown) and " + (int) MAX_CPU_SLOWDOWN
                    + ", got " + cpu);
        }
        return new NetworkProfile(name, description, browserApp, browserAppwrite, appAppwrite, cpu);
    }

    private LinkSpec link(JsonNode parent, String field, String context) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw fail(context + ": missing field \"" + field
                    + "\" (an object {\"rttMs\": ..., \"downMbps\": ..., \"upMbps\": ...})");
        }
        if (!node.isObject()) {
            throw fail(context + ": field \"" + field
                    + "\" must be an object {\"rttMs\": ..., \"downMbps\": ..., \"upMbps\": ...}");
        }
        rejectUnknownKeys(node, LINK_FIELDS, context + ": field \"" + field + "\"");
        double rttMs = number(node, "rttMs", context, field + ".rttMs");
        if (rttMs < 0 || rttMs > MAX_RTT_MS) {
            throw fail(context + ": field \"" + field + ".rttMs\" must be between 0 and " + (long) MAX_RTT_MS
                    + " milliseconds, got " + rttMs);
        }
        long down = bitsPerSecond(node, "downMbps", context, field);
        long up = bitsPerSecond(node, "upMbps", context, field);
        return new LinkSpec(Duration.ofNanos(Math.round(rttMs * 1_000_000)), down, up);
    }

    private long bitsPerSecond(JsonNode node, String key, String context, String link) {
        String path = link + "." + key;
        double mbps = number(node, key, context, path);
        if (mbps != 0 && mbps < MIN_MBPS) {
            throw fail(context + ": field \"" + path + "\" must be 0 (unlimited) or at least " + MIN_MBPS
                    + " Mbit/s, got " + mbps);
        }
        return Math.round(mbps * 1_000_000);
    }

    private String text(JsonNode parent, String field, String context) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw fail(context + ": missing field \"" + field + "\" (a string)");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw fail(context + ": field \"" + field + "\" must be a non-empty string");
        }
        return node.asText();
    }

    private double number(JsonNode parent, String field, String context) {
        return number(parent, field, context, field);
    }

    private double number(JsonNode parent, String field, String context, String path) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw fail(context + ": missing field \"" + path + "\" (a number)");
        }
        // Strings such as "28ms" are refused rather than guessed at: the unit is in the field name.
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw fail(context + ": field \"" + path + "\" must be a number, got " + node);
        }
        if (node.asDouble() < 0) {
            throw fail(context + ": field \"" + path + "\" must not be negative, got " + node.asDouble());
        }
        return node.asDouble();
    }

    private void rejectUnknownKeys(JsonNode node, List<String> allowed, String context) {
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                String prefix = context.isEmpty() ? "" : context + ": ";
                throw fail(prefix + "unknown key \"" + key + "\"; allowed keys are " + String.join(", ", allowed));
            }
        }
    }

    private ProfileFileException fail(String problem) {
        return new ProfileFileException("profiles file " + source + ": " + problem);
    }

    private ProfileFileException fail(String problem, Throwable cause) {
        return new ProfileFileException("profiles file " + source + ": " + problem, cause);
    }
}
