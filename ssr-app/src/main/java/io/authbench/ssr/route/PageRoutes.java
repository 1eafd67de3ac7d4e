package io.authbench.ssr.route;

import io.authbench.ssr.appwrite.AppwriteGateway;
import io.authbench.ssr.http.Responses;
import io.authbench.ssr.http.StylesheetHandler;
import io.authbench.ssr.session.SessionCookie;
import io.authbench.ssr.view.MessagePage;
import io.authbench.ssr.view.Stylesheet;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.StatusCodes;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The app's pages, in one table (docs/CONVENTIONS.md: /, /login, /dashboard, /profile, POST /logout). Not to be
 * confused with the emulator's {@code routes} package, which serves Appwrite's API.
 */
public final class PageRoutes {
    private PageRoutes() {}

    public static HttpHandler create(
            AppwriteGateway appwrite, SessionCookie cookie, Duration upstreamTimeout, Consumer<String> log) {
        UpstreamErrors upstreamErrors = new UpstreamErrors(upstreamTimeout, log);
        LoginRoutes login = new LoginRoutes(appwrite, cookie, upstreamErrors);
        AccountPages account = new AccountPages(appwrite, cookie, upstreamErrors);
        LogoutRoute logout = new LogoutRoute(appwrite, cookie, upstreamErrors);
        RoutingHandler routes = Handlers.routing()
                // "/" costs no Appwrite call: the dashboard checks the session itself.
                .get(
                        "/",
                        exchange -> Responses.seeOther(
                                exchange,
                                cookie.read(exchange) instanceof SessionCookie.Absent ? "/login" : "/dashboard"))
                .get("/login", login::showForm)
                .post("/login", login::submit)
                .get("/dashboard", account::dashboard)
                .get("/profile", account::profile)
                .post("/logout", logout::handle)
                .get(Stylesheet.PATH, new StylesheetHandler())
                .setInvalidMethodHandler(exchange -> Responses.html(
                        exchange,
                        StatusCodes.METHOD_NOT_ALLOWED,
                        new MessagePage(
                                        "Method not allowed",
                                        "This address does not accept " + exchange.getRequestMethod() + " requests.")
                                .html()))
                .setFallbackHandler(exchange -> Responses.html(
                        exchange,
                        StatusCodes.NOT_FOUND,
                        new MessagePage("Page not found", "There is no page at this address.").html()));
        return routes;
    }
}
