package io.authbench.harness.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.authbench.harness.apptarget.Target;
import io.authbench.harness.apptarget.TargetFile;
import io.authbench.testsupport.browser.BrowserExtension;
import io.authbench.testsupport.browser.PageWatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What ends the wait for a flow's content, in a real Chromium with the app's answers fulfilled by a route: the
 * content, the target's own error elements, an error document at once (not the timeout), and 401 for a login page.
 * A fresh context per test ({@link BrowserExtension}).
 */
@ExtendWith(BrowserExtension.class)
class OutcomeWaitTest {
    private static final String APP = "http://app.test";
    private BrowserContext context;
    private Page page;
    private DocumentResponses documents;

    private static final Target TARGET = TargetFile.parse("""
            { "name": "t", "pattern": "ssr", "baseUrl": "http://app.test",
              "routes": { "login": "/signin", "dashboard": "/home" },
              "selectors": { "email": "#e", "password": "#p", "submit": "#go", "userName": "h1.greeting",
                             "loginHeading": "main h2", "loginError": ".alert", "upstreamError": ".oops" } }
            """, "t.json");

    @BeforeEach
    void watchDocuments(BrowserContext testContext, Page testPage) {
        context = testContext;
        page = testPage;
        documents = DocumentResponses.attach(page);
    }

    private void answer(String path, int status, String body) {
        context.route(
                APP + path,
                (Route route) -> route.fulfill(new Route.FulfillOptions()
                        .setStatus(status)
                        .setContentType("text/html")
                        .setBody(body)));
    }

    private OutcomeWait.Outcome open(String path, boolean loginPage, long timeoutMs) {
        long since = documents.mark();
        page.navigate(APP + path);
        return new OutcomeWait(TARGET)
                .await(
                        page,
                        documents,
                        since,
                        loginPage ? "main h2" : "h1.greeting",
                        "the content",
                        loginPage,
                        new IterationBudget(timeoutMs));
    }

    @Test
    void the_content_ends_the_wait() {
        answer("/home", 200, "<h1 class=greeting>Welcome back, Ada!</h1>");
        assertThat(open("/home", false, 30_000).kind()).isEqualTo(OutcomeWait.Kind.CONTENT);
    }

    @Test
    void an_error_document_ends_the_wait_at_once_with_its_status_and_what_the_page_shows(PageWatch watch) {
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(500));
        answer("/home", 500, "<h1>500: Internal Server Error</h1>");
        // A long budget: only the status can end this wait early.
        OutcomeWait.Outcome outcome = open("/home", false, 600_000);
        assertThat(outcome.kind()).isEqualTo(OutcomeWait.Kind.ERROR_DOCUMENT);
        assertThat(outcome.description())
                .isEqualTo("GET /home answered HTTP 500 (the page /home shows '500: Internal Server Error')");
    }

    @Test
    void the_targets_own_error_elements_end_the_wait_with_their_text() {
        answer("/home", 200, "<p class=oops>Appwrite is down\n today</p>");
        OutcomeWait.Outcome outcome = open("/home", false, 30_000);
        assertThat(outcome.kind()).isEqualTo(OutcomeWait.Kind.UPSTREAM_ERROR);
        assertThat(outcome.description())
                .isEqualTo("the page shows its upstream-error message ('Appwrite is down today')");
        answer("/signin", 200, "<div data-testid=login-error>Invalid credentials</div>");
        assertThat(open("/signin", false, 30_000).kind())
                .as("the bundled apps' element too")
                .isEqualTo(OutcomeWait.Kind.LOGIN_ERROR);
    }

    @Test
    void a_login_page_sent_with_401_is_the_content_of_a_flow_that_ends_on_the_login_page(PageWatch watch) {
        watch.expectConsoleError(PageWatch.failedLoadWithStatus(401));
        answer("/home", 401, "<main><h2>Sign in</h2></main>");
        assertThat(open("/home", true, 30_000).kind()).isEqualTo(OutcomeWait.Kind.CONTENT);
        assertThat(open("/home", false, 30_000).kind())
                .as("but not of a signed-in flow")
                .isEqualTo(OutcomeWait.Kind.ERROR_DOCUMENT);
    }

    @Test
    void a_timeout_says_what_the_page_shows_instead() {
        answer("/home", 200, "<title>Home</title><h1 class=other>Hello there</h1>");
        assertThatThrownBy(() -> open("/home", false, 1_500))
                .isInstanceOf(FlowFailure.class)
                .hasMessage("timed out (1500 ms) waiting for the content; the page /home shows 'Hello there'");
    }
}
