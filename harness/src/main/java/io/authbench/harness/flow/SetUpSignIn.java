package io.authbench.harness.flow;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import io.authbench.harness.apptarget.Target;
import java.net.URI;
import java.util.List;

/**
 * The unmeasured set-up of flows that start signed in: a session handed to the browser context as the cookie the
 * pattern's own sign-in sets, and opening the dashboard to check it shows the user.
 *
 * <ul>
 *   <li>SSR with a known session cookie: a session from the Users API, as the target's cookie (the bundled app's
 *       {@code authbench_session}; HttpOnly, SameSite=Lax, Path=/, host-only).</li>
 *   <li>CSR: Appwrite's session cookies as its Set-Cookie leaves them in a browser ({@link AppwriteCookies}); with
 *       Appwrite on another site ({@code --sites=cross}) Chromium keeps none of them, and the session is what the
 *       Web SDK stored from {@code X-Fallback-Cookies} in the app's {@code localStorage}.</li>
 *   <li>SSR whose session cookie is unknown: through the target's own login form ({@link #throughForm}), since
 *       the harness cannot forge a session it does not know the form of.</li>
 * </ul>
 */
final class SetUpSignIn {
    private final Browser browser;
    private final IterationSettings settings;
    private final AppTarget app;
    private final OutcomeWait outcomes;
    private final IterationBudget budget;

    SetUpSignIn(
            Browser browser, IterationSettings settings, AppTarget app, OutcomeWait outcomes, IterationBudget budget) {
        this.browser = browser;
        this.settings = settings;
        this.app = app;
        this.outcomes = outcomes;
        this.budget = budget;
    }

    /** Signs {@code user} in within {@code context}. */
    void signIn(BrowserContext context, TestUser user) {
        budget.checkDeadline();
        Target target = app.target();
        if (app.ssr() && target.sessionCookie() == null) {
            throughForm(context, user);
            return;
        }
        IssuedSession session = settings.sessions().issue(user);
        if (app.ssr()) {
            context.addCookies(List.of(new Cookie(target.sessionCookie(), session.value())
                    .setUrl(origin(app.baseUrl()))
                    .setSameSite(SameSiteAttribute.LAX)
                    .setHttpOnly(true)
                    .setExpires(session.expire().getEpochSecond())));
        } else {
            if (settings.fallbackOnly()) {
                String origin = origin(app.baseUrl());
                context.addInitScript(AppwriteCookies.fallbackScript(
                        settings.projectId(), origin.substring(0, origin.length() - 1), session));
            } else {
                context.addCookies(
                        AppwriteCookies.forSession(settings.projectId(), settings.appwriteForBrowser(), session));
            }
        }
    }

    /**
     * Signs in through the target's login form in a context of its own (JavaScript on, no instrumentation) and
     * copies the cookies it ends with into {@code context}.
     */
    private void throughForm(BrowserContext context, TestUser user) {
        Target target = app.target();
        if (user.password() == null) {
            throw new FlowFailure("set-up: signing in through " + target.name() + "'s login form needs a user with a"
                    + " password, and this one has none (a bug: the engine seeds such users for SSR targets without"
                    + " a sessionCookie)");
        }
        BrowserContext signIn = budget.timed("setUpSignIn", () -> browser.newContext());
        try {
            signIn.setDefaultTimeout(budget.remainingMs());
            Page page = signIn.newPage();
            DocumentResponses documents = DocumentResponses.attach(page);
            page.navigate(target.url(target.routes().login()));
            page.locator(target.selectors().submit()).waitFor();
            page.fill(target.selectors().email(), user.email());
            page.fill(target.selectors().password(), user.password());
            long since = documents.mark();
            page.click(target.selectors().submit());
            OutcomeWait.Outcome reached = outcomes.await(
                    page,
                    documents,
                    since,
                    target.selectors().userName(),
                    "the user-name element (" + target.selectors().userName() + ")",
                    false,
                    budget);
            if (!reached.content()) {
                throw new FlowFailure("set-up sign-in through the login form failed: " + reached.description());
            }
            context.addCookies(signIn.cookies());
        } finally {
            signIn.close();
        }
    }

    /** Opens the dashboard in {@code page} and checks that it shows the signed-in user (set-up, not measured). */
    void openDashboard(Page page, DocumentResponses documents) {
        Target target = app.target();
        long since = documents.mark();
        page.navigate(target.url(target.routes().dashboard()));
        OutcomeWait.Outcome reached = outcomes.await(
                page,
                documents,
                since,
                target.selectors().userName(),
                "the user-name element (" + target.selectors().userName() + ")",
                false,
                budget);
        if (!reached.content()) {
            throw new FlowFailure("set-up: the dashboard did not show the signed-in user: " + reached.description());
        }
    }

    /** {@code scheme://host:port/} of {@code url}: Playwright derives a host-only cookie with Path=/ from it. */
    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/";
    }
}
