package io.authbench.ssr.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body of bounded size, read beforehand by {@link BodyReadHandler}.
 */
public final class FormBody {
    /** A login form is well under 1 KiB; anything near this is not one. */
    public static final int MAX_BYTES = 16 * 1024;

    /** Why a body was not accepted. */
    public enum Problem {
        NOT_A_FORM,
        TOO_LARGE,
        MALFORMED
    }

    /** Thrown for a body this app will not read. */
    public static final class RejectedBody extends Exception {
        private final Problem problem;

        RejectedBody(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final Map<String, String> fields;

    private FormBody(Map<String, String> fields) {
        this.fields = fields;
    }

    /** The first value of a field, if present. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /**
     * The form that {@link BodyReadHandler} read for this request. Raw UTF-8 bytes and percent-escapes are both read
     * as UTF-8 (browsers send the latter, other clients may send the former).
     */
    public static FormBody read(HttpServerExchange exchange) throws RejectedBody {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new RejectedBody(Problem.NOT_A_FORM);
        }
        BodyReadHandler.Body body = exchange.getAttachment(BodyReadHandler.BODY);
        if (body == null) {
            return new FormBody(Map.of()); // no body was sent
        }
        if (body.tooLarge()) {
            throw new RejectedBody(Problem.TOO_LARGE);
        }
        return new FormBody(parse(new String(body.bytes(), StandardCharsets.UTF_8)));
    }

    static Map<String, String> parse(String body) throws RejectedBody {
        Map<String, String> fields = new HashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        try {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw new RejectedBody(Problem.MALFORMED);
        }
        return fields;
    }
}
