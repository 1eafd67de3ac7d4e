package io.authbench.emulator.routes;

import io.authbench.emulator.http.AppwriteException;
import io.authbench.emulator.http.ErrorType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the route for a method and path. A request no route matches gets Appwrite's wildcard route (scope
 * {@code global}), so it still passes the project and key checks before {@code general_route_not_found}.
 */
public final class Router {
    /** A matched route with its path parameters. */
    public record Match(Route route, Map<String, String> pathParams) {}

    /** Where requests with an invented method name are counted. */
    public static final String OTHER_METHODS = "OTHER";

    private static final Set<String> HTTP_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final List<Route> routes;
    private final List<List<String>> segments;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
        this.segments = this.routes.stream().map(Route::segments).toList();
    }

    public Match match(String method, String path) {
        // Utopia serves HEAD with the GET route; Undertow drops the body.
        String lookupMethod = method.equals("HEAD") ? "GET" : method;
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] parts = trimmed.startsWith("/") ? trimmed.substring(1).split("/", -1) : new String[] {trimmed};
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if (!route.method().equals(lookupMethod)) {
                continue;
            }
            Map<String, String> params = matchSegments(segments.get(i), parts);
            if (params != null) {
                return new Match(route, params);
            }
        }
        return new Match(wildcard(method), Map.of());
    }

    private static Map<String, String> matchSegments(List<String> pattern, String[] parts) {
        if (pattern.size() != parts.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>(2);
        for (int i = 0; i < parts.length; i++) {
            String expected = pattern.get(i);
            if (expected.startsWith(":")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                params.put(expected.substring(1), parts[i]);
            } else if (!expected.equals(parts[i])) {
                return null;
            }
        }
        return params;
    }

    /**
     * The method name a wildcard route is counted under: HTTP's own methods by name, any invented one as
     * {@value #OTHER_METHODS}, so a client cannot grow {@code /_emulator/stats} by sending new method names.
     */
    static String countedMethod(String method) {
        return HTTP_METHODS.contains(method) ? method : OTHER_METHODS;
    }

    private static Route wildcard(String method) {
        return new Route(countedMethod(method), "*", "global", null, false, context -> {
            throw new AppwriteException(ErrorType.GENERAL_ROUTE_NOT_FOUND);
        });
    }
}
