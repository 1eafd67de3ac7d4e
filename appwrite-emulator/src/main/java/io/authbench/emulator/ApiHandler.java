package io.authbench.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authbench.emulator.auth.Authenticator;
import io.authbench.emulator.auth.Caller;
import io.authbench.emulator.auth.Project;
import io.authbench.emulator.auth.Role;
import io.authbench.emulator.http.ApiRequest;
import io.authbench.emulator.http.ApiResponse;
import io.authbench.emulator.http.AppwriteException;
import io.authbench.emulator.http.BodyReader;
import io.authbench.emulator.http.Cors;
import io.authbench.emulator.http.ErrorType;
import io.authbench.emulator.http.Origin;
import io.authbench.emulator.http.RequestBody;
import io.authbench.emulator.model.ModelJson;
import io.authbench.emulator.model.User;
import io.authbench.emulator.ratelimit.RateLimitRule;
import io.authbench.emulator.ratelimit.RateLimiter;
import io.authbench.emulator.routes.Route;
import io.authbench.emulator.routes.RouteContext;
import io.authbench.emulator.routes.Router;
import io.authbench.emulator.stats.RouteStats;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every API request passes through here, and {@link #process} is the order of checks of Appwrite 1.6
 * (docs/appwrite-behaviour.md#order-of-checks): it decides which error wins when several apply.
 */
final class ApiHandler implements HttpHandler {
    static final String APPWRITE_VERSION = "1.6.2";
    private static final String JSON_TYPE = "application/json; charset=UTF-8";
    /** {@code APP_USER_ACCESS}: {@code accessedAt} is refreshed at most once per day. */
    private static final Duration ACCESS_REFRESH = Duration.ofSeconds(86_400);

    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** The one path that is not Appwrite's: request statistics for the harness (docs/CONVENTIONS.md). */
    static final String STATS_PATH = "/_emulator/stats";
    /**
     * A request body must be complete this long after its headers, or the connection is closed. Bodies are at most
     * {@code --max-body-bytes} (64 KiB by default): on loopback they arrive in microseconds, and 10 s covers any
     * client that is sending at all.
     */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

    private final Projects projects;
    private final Router router;
    private final RateLimiter rateLimiter;
    private final RouteStats stats;
    private final boolean rateLimitsEnabled;
    private final int maxBodyBytes;
    private final PrintStream requestLog;
    private final List<String> trustedIpHeaders;

    ApiHandler(
            Projects projects,
            Router router,
            RateLimiter rateLimiter,
            RouteStats stats,
            boolean rateLimitsEnabled,
            int maxBodyBytes,
            PrintStream requestLog,
            List<String> trustedIpHeaders) {
        this.trustedIpHeaders = List.copyOf(trustedIpHeaders);
        this.projects = projects;
        this.router = router;
        this.rateLimiter = rateLimiter;
        this.stats = stats;
        this.rateLimitsEnabled = rateLimitsEnabled;
        this.maxBodyBytes = maxBodyBytes;
        this.requestLog = requestLog;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()
                && !exchange.getRequestMethod().equals(Methods.GET)
                && !exchange.getRequestMethod().equals(Methods.OPTIONS)) {
            // Logins run argon2: that belongs on a worker thread, once the body is in (read here, on the I/O thread,
            // so a slow client holds no worker). GETs and preflights never block (no body, microseconds of work),
            // so they stay on the I/O thread and skip the hand-off.
            BodyReader.readThenDispatch(exchange, maxBodyBytes, BODY_DEADLINE, this);
            return;
        }
        long start = System.nanoTime();
        String method = exchange.getRequestMethod().toString();
        if (method.equals("OPTIONS")) {
            Cors.preflight(exchange);
            exchange.setStatusCode(204);
            exchange.endExchange();
            stats.recordPreflight();
            log(exchange, start);
            return;
        }
        if (exchange.getRequestPath().equals(STATS_PATH) && method.equals("GET")) {
            sendJson(exchange, 200, stats.toJson());
            return;
        }
        Router.Match match = router.match(method, exchange.getRequestPath());
        try {
            send(exchange, process(exchange, match));
        } catch (AppwriteException e) {
            sendError(exchange, e.type(), e.getMessage());
        } catch (RuntimeException | Error e) {
            // One line, no stack trace, no request data (it could hold a password). The client gets a JSON 500 even
            // for an Error such as OutOfMemoryError: the Kotlin SDK never returns from a body it cannot parse.
            System.err.println(
                    "appwrite-emulator: internal error on " + match.route().statsKey() + ": " + e);
            sendError(exchange, ErrorType.GENERAL_UNKNOWN, ErrorType.GENERAL_UNKNOWN.defaultMessage());
        } finally {
            stats.record(match.route().statsKey(), System.nanoTime() - start);
            log(exchange, start);
        }
    }

    private ApiResponse process(HttpServerExchange exchange, Router.Match match) {
        Route route = match.route();
        ApiRequest request = new ApiRequest(exchange, match.pathParams(), trustedIpHeaders);
        Instant now = Instant.now();

        // 1. The project: ?project= or X-Appwrite-Project; none or "console" means the console project.
        Project project = projects.find(projectId(exchange));
        // 2. CORS headers, on every answer from here on, errors included.
        Origin origin = Origin.of(request);
        Cors.actual(
                exchange, request, origin, project == null ? projects.console().platforms() : project.platforms());
        // 3. The body (Swoole refuses an oversized one before any PHP runs).
        request.useParams(readParams(exchange, request.method()));
        // 4. Browser writes from unknown origins, unless an API key is sent.
        if (WRITE_METHODS.contains(request.method())
                && request.headerOrEmpty("X-Appwrite-Key").isEmpty()
                && origin.isPresent()
                && !Cors.isAllowedHost(
                        origin.host(),
                        request.hostname(),
                        project == null ? projects.console().platforms() : project.platforms())) {
            throw new AppwriteException(
                    ErrorType.GENERAL_UNKNOWN_ORIGIN,
                    "Invalid Origin. Register your new client (" + origin.host()
                            + ") as a new Web platform on your project console dashboard");
        }
        if (project == null) {
            throw new AppwriteException(ErrorType.PROJECT_NOT_FOUND);
        }
        // 5. Session, then API key (key + session → 403; unknown key → 401; expired key → 401).
        Caller caller = Authenticator.authenticate(request, project, now);
        // 6. Scope.
        if (!caller.scopes().contains(route.scope())) {
            throw new AppwriteException(
                    ErrorType.GENERAL_UNAUTHORIZED_SCOPE,
                    Authenticator.missingScopeMessage(caller, project, request.hostname(), route.scope()));
        }
        // 7. accessedAt, at most once a day per user, for session callers only.
        caller = touchAccessedAt(caller, project, now);
        // 8. Abuse limit: counted before credentials are checked, so failed logins count too.
        if (route.rateLimit() != null) {
            checkRateLimit(exchange, request, route, caller, now);
        }
        // 9. Session-creating routes refuse a request that already carries a valid session.
        if (route.createsSession() && caller.hasSession()) {
            throw new AppwriteException(ErrorType.USER_SESSION_ALREADY_EXISTS);
        }
        // 10. Parameters are validated inside the action, then it runs.
        return route.action().handle(new RouteContext(request, caller, project, now));
    }

    private static String projectId(HttpServerExchange exchange) {
        Deque<String> query = exchange.getQueryParameters().get("project");
        if (query != null && !query.isEmpty() && !query.peekFirst().isEmpty()) {
            return query.peekFirst();
        }
        String header = exchange.getRequestHeaders().getFirst("X-Appwrite-Project");
        return header == null ? "" : header.strip();
    }

    private ObjectNode readParams(HttpServerExchange exchange, String method) {
        if (method.equals("GET") || method.equals("HEAD")) {
            ObjectNode params = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, Deque<String>> entry :
                    exchange.getQueryParameters().entrySet()) {
                params.put(entry.getKey(), entry.getValue().peekFirst());
            }
            return params;
        }
        BodyReader.Body body = exchange.getAttachment(BodyReader.BODY); // read before this worker got the request
        if (body == null) {
            return JsonNodeFactory.instance.objectNode(); // not reached: every non-GET request passes BodyReader
        }
        if (body.tooLarge()) {
            throw tooLarge();
        }
        return RequestBody.parse(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), body.bytes());
    }

    private AppwriteException tooLarge() {
        return new AppwriteException(
                ErrorType.GENERAL_PAYLOAD_TOO_LARGE,
                "Request body is larger than the emulator's "
                        + "limit of " + maxBodyBytes
                        + " bytes. Send a smaller body or start the emulator with a higher "
                        + "--max-body-bytes.");
    }

    private static Caller touchAccessedAt(Caller caller, Project project, Instant now) {
        if (caller.role() != Role.USERS) {
            return caller;
        }
        User user = caller.user();
        if (user.accessedAt() != null && user.accessedAt().plus(ACCESS_REFRESH).isAfter(now)) {
            return caller;
        }
        User touched = user.withAccessedAt(now);
        project.store().updateUser(touched);
        return new Caller(caller.role(), touched, caller.session(), caller.scopes());
    }

    private void checkRateLimit(
            HttpServerExchange exchange, ApiRequest request, Route route, Caller caller, Instant now) {
        RateLimitRule rule = route.rateLimit();
        String url = request.hostname() + route.pattern();
        String key = switch (rule.key()) {
            case URL_AND_IP -> "url:" + url + ",ip:" + request.clientIp();
            case URL_AND_EMAIL -> "url:" + url + ",email:" + emailKey(request);
        };
        boolean enforce = rateLimitsEnabled && !caller.isApiKey();
        RateLimiter.Decision decision = rateLimiter.hit(rule, key, now.getEpochSecond(), enforce);
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(HttpString.tryFromString("X-RateLimit-Limit"), decision.limit());
        headers.put(HttpString.tryFromString("X-RateLimit-Remaining"), decision.remaining());
        headers.put(HttpString.tryFromString("X-RateLimit-Reset"), decision.resetEpochSeconds());
        if (!decision.allowed()) {
            throw new AppwriteException(ErrorType.GENERAL_RATE_LIMIT_EXCEEDED);
        }
    }

    /** The email as sent (not lower-cased); a missing one stays the literal placeholder, as in Appwrite. */
    private static String emailKey(ApiRequest request) {
        JsonNode email = request.param("email");
        return email != null && email.isTextual() ? email.asText() : "{param-email}";
    }

    private static void send(HttpServerExchange exchange, ApiResponse response) {
        for (ApiResponse.Header header : response.headers()) {
            exchange.getResponseHeaders().add(HttpString.tryFromString(header.name()), header.value());
        }
        if (response.body() == null) {
            exchange.setStatusCode(response.status());
            exchange.endExchange();
        } else {
            sendJson(exchange, response.status(), response.body());
        }
    }

    private static void sendJson(HttpServerExchange exchange, int status, byte[] json) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON_TYPE);
        exchange.getResponseSender().send(ByteBuffer.wrap(json));
    }

    private static void sendError(HttpServerExchange exchange, ErrorType type, String message) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.CACHE_CONTROL, "no-cache, no-store, must-revalidate");
        headers.put(Headers.EXPIRES, "0");
        headers.put(Headers.PRAGMA, "no-cache");
        sendJson(exchange, type.status(), ModelJson.toBytes(json -> {
            json.writeStartObject();
            json.writeStringField("message", message);
            json.writeNumberField("code", type.status());
            json.writeStringField("type", type.wireName());
            json.writeStringField("version", APPWRITE_VERSION);
            json.writeEndObject();
        }));
    }

    private void log(HttpServerExchange exchange, long start) {
        if (requestLog != null) {
            // Method, path, status and time only: paths carry ids, never secrets; headers and bodies are not logged.
            requestLog.println(exchange.getRequestMethod() + " " + exchange.getRequestPath() + " "
                    + exchange.getStatusCode() + " " + (System.nanoTime() - start) / 1_000 + "us");
        }
    }
}
