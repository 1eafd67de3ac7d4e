package io.authbench.ssr.route;

import io.authbench.ssr.appwrite.AppwriteRejection;
import io.authbench.ssr.appwrite.UpstreamException;
import io.authbench.ssr.appwrite.UpstreamFailure;
import io.authbench.ssr.http.LogText;
import io.authbench.ssr.http.Responses;
import io.authbench.ssr.view.UpstreamErrorPage;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The one place that turns "Appwrite could not be used" into a page: 504 for a timeout, 502 for everything else,
 * with {@code [data-testid=upstream-error]} and the same sentences as csr-app. The log gets one line naming the
 * call and the cause; the page gets neither.
 */
final class UpstreamErrors {
    private final Duration timeout;
    private final Consumer<String> log;

    UpstreamErrors(Duration timeout, Consumer<String> log) {
        this.timeout = timeout;
        this.log = log;
    }

    void show(HttpServerExchange exchange, UpstreamException error) {
        log.accept(exchange.getRequestMethod() + " " + LogText.safe(exchange.getRequestPath()) + ": "
                + error.getMessage());
        boolean timedOut = error instanceof UpstreamFailure failure && failure.kind() == UpstreamFailure.Kind.TIMEOUT;
        Responses.html(
                exchange,
                timedOut ? StatusCodes.GATEWAY_TIME_OUT : StatusCodes.BAD_GATEWAY,
                new UpstreamErrorPage(sentence(error)).html());
    }

    private String sentence(UpstreamException error) {
        if (error instanceof AppwriteRejection rejection) {
            return switch (rejection.type()) {
                case "user_unauthorized", "project_key_expired", "user_key_and_session_set" ->
                    "Appwrite refused this app's credentials. The operator must check the app's API key.";
                case "project_not_found" ->
                    "Appwrite does not know this app's project. The operator must check the project id.";
                default -> "Appwrite answered with something this app could not understand. Try again later.";
            };
        }
        return switch (((UpstreamFailure) error).kind()) {
            case UNREACHABLE -> "Appwrite could not be reached. Check the connection and try again.";
            case TIMEOUT -> "Appwrite did not answer within " + seconds(timeout) + " seconds. Try again later.";
            case BAD_RESPONSE -> "Appwrite answered with something this app could not understand. Try again later.";
        };
    }

    private static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
