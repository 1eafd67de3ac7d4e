package io.authbench.ssr.route;

import io.authbench.ssr.appwrite.AppwriteGateway;
import io.authbench.ssr.appwrite.AppwriteRejection;
import io.authbench.ssr.appwrite.UpstreamException;
import io.authbench.ssr.http.Responses;
import io.authbench.ssr.http.ServerTimingHandler;
import io.authbench.ssr.session.SessionCookie;
import io.undertow.server.HttpServerExchange;

/**
 * {@code POST /logout}: deletes the session at Appwrite ({@code account.deleteSession("current")}), clears the cookie
 * and answers {@code 303 → /login}. A session Appwrite already forgot counts as signed out. When Appwrite cannot be
 * used, the cookie is still cleared (the user asked to leave) and the error page says the session may live on.
 */
final class LogoutRoute {
    private final AppwriteGateway appwrite;
    private final SessionCookie cookie;
    private final UpstreamErrors upstreamErrors;

    LogoutRoute(AppwriteGateway appwrite, SessionCookie cookie, UpstreamErrors upstreamErrors) {
        this.appwrite = appwrite;
        this.cookie = cookie;
        this.upstreamErrors = upstreamErrors;
    }

    void handle(HttpServerExchange exchange) {
        SessionCookie.Presence presence = cookie.read(exchange);
        if (presence instanceof SessionCookie.Present present) {
            try {
                appwrite.deleteCurrentSession(present.secret(), ServerTimingHandler.timings(exchange));
            } catch (AppwriteRejection rejection) {
                if (rejection.status() != 401 && rejection.status() != 404) {
                    cookie.clear(exchange);
                    upstreamErrors.show(exchange, rejection);
                    return;
                }
            } catch (UpstreamException e) {
                cookie.clear(exchange);
                upstreamErrors.show(exchange, e);
                return;
            }
        }
        if (!(presence instanceof SessionCookie.Absent)) {
            cookie.clear(exchange);
        }
        Responses.seeOther(exchange, "/login");
    }
}
