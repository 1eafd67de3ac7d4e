package io.authbench.emulator.routes;

import io.authbench.emulator.http.ApiResponse;
import io.authbench.emulator.ratelimit.RateLimitRule;
import java.util.List;

/**
 * One API route with the labels Appwrite's hooks read.
 *
 * @param pattern e.g. {@code /v1/account/sessions/:sessionId}
 * @param scope the scope the caller must have
 * @param rateLimit {@code null} for routes without an abuse limit
 * @param createsSession the {@code session} group: refused while the request already carries a valid session
 */
public record Route(
        String method, String pattern, String scope, RateLimitRule rateLimit, boolean createsSession, Action action) {

    @FunctionalInterface
    public interface Action {
        ApiResponse handle(RouteContext context);
    }

    /** The key under which {@code /_emulator/stats} counts this route. */
    public String statsKey() {
        return method + " " + pattern;
    }

    List<String> segments() {
        return List.of(pattern.substring(1).split("/"));
    }
}
