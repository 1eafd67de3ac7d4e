package io.authbench.ssr.route;

import io.authbench.ssr.appwrite.AppwriteGateway;
import io.authbench.ssr.appwrite.AppwriteRejection;
import io.authbench.ssr.appwrite.NewSession;
import io.authbench.ssr.appwrite.UpstreamException;
import io.authbench.ssr.http.FormBody;
import io.authbench.ssr.http.Responses;
import io.authbench.ssr.http.ServerTimingHandler;
import io.authbench.ssr.session.SessionCookie;
import io.authbench.ssr.view.LoginPage;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;

/**
 * {@code GET /login} shows the form; {@code POST /login} signs in with the admin client, puts the session secret
 * into the session cookie and answers {@code 303 → /dashboard}. Wrong credentials re-show the form with an error
 * (401) and set no cookie.
 */
final class LoginRoutes {
    private static final String INVALID_INPUT = "Enter a valid email address and a password of 8 to 256 characters.";
    private static final int MAX_FIELD_LENGTH = 512;

    private final AppwriteGateway appwrite;
    private final SessionCookie cookie;
    private final UpstreamErrors upstreamErrors;

    LoginRoutes(AppwriteGateway appwrite, SessionCookie cookie, UpstreamErrors upstreamErrors) {
        this.appwrite = appwrite;
        this.cookie = cookie;
        this.upstreamErrors = upstreamErrors;
    }

    void showForm(HttpServerExchange exchange) {
        Responses.html(exchange, StatusCodes.OK, new LoginPage(null).html());
    }

    void submit(HttpServerExchange exchange) throws IOException {
        FormBody form;
        try {
            form = FormBody.read(exchange);
        } catch (FormBody.RejectedBody rejected) {
            switch (rejected.problem()) {
                case NOT_A_FORM ->
                    showError(
                            exchange,
                            StatusCodes.UNSUPPORTED_MEDIA_TYPE,
                            "Send the form as application/x-www-form-urlencoded.");
                case TOO_LARGE ->
                    showError(
                            exchange,
                            StatusCodes.REQUEST_ENTITY_TOO_LARGE,
                            "The form is larger than " + FormBody.MAX_BYTES / 1024
                                    + " KiB; it cannot be a sign-in form.");
                case MALFORMED -> showError(exchange, StatusCodes.BAD_REQUEST, INVALID_INPUT);
            }
            return;
        }
        String email = form.field("email").map(String::trim).orElse("");
        String password = form.field("password").orElse("");
        if (email.isEmpty()
                || password.isEmpty()
                || email.length() > MAX_FIELD_LENGTH
                || password.length() > MAX_FIELD_LENGTH) {
            showError(exchange, StatusCodes.BAD_REQUEST, INVALID_INPUT);
            return;
        }
        try {
            NewSession session = appwrite.createEmailPasswordSession(
                    email,
                    password,
                    exchange.getRequestHeaders().getFirst(Headers.USER_AGENT),
                    ServerTimingHandler.timings(exchange));
            cookie.set(exchange, session.secret(), session.expire());
            Responses.seeOther(exchange, "/dashboard");
        } catch (AppwriteRejection rejection) {
            switch (rejection.type()) {
                case "user_invalid_credentials" ->
                    showError(exchange, StatusCodes.UNAUTHORIZED, "Invalid email or password.");
                case "user_blocked" -> showError(exchange, StatusCodes.FORBIDDEN, "This account is blocked.");
                case "general_argument_invalid" -> showError(exchange, StatusCodes.BAD_REQUEST, INVALID_INPUT);
                case "general_rate_limit_exceeded" ->
                    showError(
                            exchange,
                            StatusCodes.TOO_MANY_REQUESTS,
                            "Too many sign-in attempts for this email. Try again later.");
                default -> upstreamErrors.show(exchange, rejection);
            }
        } catch (UpstreamException e) {
            upstreamErrors.show(exchange, e);
        }
    }

    private static void showError(HttpServerExchange exchange, int status, String sentence) {
        Responses.html(exchange, status, new LoginPage(sentence).html());
    }
}
