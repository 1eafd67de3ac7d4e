package io.authbench.emulator.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a request body into route parameters the way Appwrite's Swoole adapter does ({@code generateInput}):
 * {@code application/json} is decoded, and anything unparsable, empty or not a JSON object counts as {@code {}};
 * a form body is decoded as a form; every other content type gives no parameters. Parameter validation then reports
 * what is missing, exactly as a real server would.
 */
public final class RequestBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // A body is at most --max-body-bytes anyway; shallow nesting keeps a hostile body cheap to reject.
        JSON.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(32).build());
        JSON.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private RequestBody() {}

    public static ObjectNode parse(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon);
        }
        type = type.strip();
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (type.equals("application/json")) {
            try {
                JsonNode node = JSON.readTree(body);
                return node != null && node.isObject() ? (ObjectNode) node : JsonNodeFactory.instance.objectNode();
            } catch (IOException e) {
                return JsonNodeFactory.instance.objectNode();
            }
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            return parseForm(new String(body, StandardCharsets.UTF_8));
        }
        return JsonNodeFactory.instance.objectNode();
    }

    public static ObjectNode parseForm(String form) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!params.has(name)) {
                    params.put(name, value);
                }
            } catch (IllegalArgumentException malformedEscape) {
                // PHP keeps going on a bad %-escape; skipping the pair is the closest safe behaviour.
            }
        }
        return params;
    }
}
