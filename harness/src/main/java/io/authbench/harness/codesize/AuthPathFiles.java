package io.authbench.harness.codesize;

import java.util.List;

/**
 * The files of each variant's authentication path, counted by {@code CodeSize.measure} as the development-complexity
 * proxy (documented in harness/README.md#code-size-development-complexity-proxy). Listed by hand, in this one place,
 * because "the auth path" is a judgement: what a developer writes to sign a user in, keep the session, guard pages and
 * sign out, and the pages that show the result. Server plumbing both variants share in kind (CLI, HTTP server set-up,
 * security headers, static assets, request logs) is left out of both.
 */
public final class AuthPathFiles {
    /** ssr-app: routes that log in, check the session and log out; the session cookie; the Appwrite gateway; pages. */
    public static final List<String> SSR = List.of(
            "ssr-app/src/main/java/io/authbench/ssr/route/LoginRoutes.java", // GET/POST /login
            "ssr-app/src/main/java/io/authbench/ssr/route/AccountPages.java", // session check of /dashboard, /profile
            "ssr-app/src/main/java/io/authbench/ssr/route/LogoutRoute.java", // POST /logout
            "ssr-app/src/main/java/io/authbench/ssr/session/SessionCookie.java", // the app's own session cookie
            "ssr-app/src/main/java/io/authbench/ssr/session/CookiePolicy.java", // its attributes (HttpOnly, SameSite,
            // ...)
            "ssr-app/src/main/java/io/authbench/ssr/appwrite/AppwriteGateway.java", // the SDK calls, bounded
            "ssr-app/src/main/java/io/authbench/ssr/view/LoginPage.java",
            "ssr-app/src/main/java/io/authbench/ssr/view/DashboardPage.java");

    /** csr-app's front end: the router and login/logout actions, the Appwrite session calls, the views. */
    public static final List<String> CSR = List.of(
            "csr-app/src/main/frontend/src/app.js", // boot (account.get), History-API router, login/logout actions
            "csr-app/src/main/frontend/src/session.js", // the Web SDK calls and their outcomes
            "csr-app/src/main/frontend/src/views.js"); // login, dashboard (and profile) pages built with DOM APIs

    private AuthPathFiles() {}
}
