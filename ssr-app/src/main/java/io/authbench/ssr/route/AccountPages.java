package io.authbench.ssr.route;

import io.authbench.ssr.appwrite.AccountView;
import io.authbench.ssr.appwrite.AppwriteGateway;
import io.authbench.ssr.appwrite.AppwriteRejection;
import io.authbench.ssr.appwrite.UpstreamException;
import io.authbench.ssr.http.Responses;
import io.authbench.ssr.http.ServerTimingHandler;
import io.authbench.ssr.session.SessionCookie;
import io.authbench.ssr.view.DashboardPage;
import io.authbench.ssr.view.ProfilePage;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.function.Function;

/**
 * The authenticated pages, {@code /dashboard} and {@code /profile}: a session client made for this request calls
 * {@code account.get()} and the page is rendered on the server. No cookie → {@code 303 /login}; a cookie Appwrite
 * no longer accepts (expired, deleted, garbage) → the cookie is cleared and {@code 303 /login}.
 */
final class AccountPages {
    private final AppwriteGateway appwrite;
    private final SessionCookie cookie;
    private final UpstreamErrors upstreamErrors;

    AccountPages(AppwriteGateway appwrite, SessionCookie cookie, UpstreamErrors upstreamErrors) {
        this.appwrite = appwrite;
        this.cookie = cookie;
        this.upstreamErrors = upstreamErrors;
    }

    void dashboard(HttpServerExchange exchange) {
        render(exchange, user -> new DashboardPage(user).html());
    }

    void profile(HttpServerExchange exchange) {
        render(exchange, user -> new ProfilePage(user).html());
    }

    private void render(HttpServerExchange exchange, Function<AccountView, String> page) {
        SessionCookie.Presence presence = cookie.read(exchange);
        if (presence instanceof SessionCookie.Absent) {
            Responses.seeOther(exchange, "/login");
            return;
        }
        if (!(presence instanceof SessionCookie.Present present)) {
            signedOut(exchange); // a cookie by our name that cannot be a session secret
            return;
        }
        try {
            AccountView user = appwrite.getAccount(present.secret(), ServerTimingHandler.timings(exchange));
            Responses.html(exchange, StatusCodes.OK, page.apply(user));
        } catch (AppwriteRejection rejection) {
            if (rejection.status() == StatusCodes.UNAUTHORIZED) {
                signedOut(exchange); // general_unauthorized_scope: no valid session behind this cookie
            } else {
                upstreamErrors.show(exchange, rejection);
            }
        } catch (UpstreamException e) {
            upstreamErrors.show(exchange, e);
        }
    }

    private void signedOut(HttpServerExchange exchange) {
        cookie.clear(exchange);
        Responses.seeOther(exchange, "/login");
    }
}
