package io.authbench.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The watch's secret checks against a real Chromium, including the race CI met: a request finishes, its context closes
 * before the watch's handler reads the response, and the read fails inside whatever browser call the test (or the
 * extension's close) was waiting in. Each test closes the context itself from a handler registered before the watch's,
 * which makes that race happen every time.
 */
@ExtendWith(BrowserExtension.class)
class PageWatchTest {
    private static final String PAGE = "http://watch.test/";
    private static final String SECRET = "standard_0123456789abcdef";

    @Test
    void a_secret_in_a_received_body_fails_the_check_with_the_url(Page page, PageWatch watch) {
        serve(page, "<p>" + SECRET + "</p>");

        page.navigate(PAGE);

        assertThatThrownBy(() -> watch.assertNoResponseContains("the API key", SECRET))
                .isInstanceOf(AssertionError.class)
                .hasMessage("the API key is in the response from " + PAGE + " (HTTP 200)");
    }

    @Test
    void a_response_its_closed_context_no_longer_gives_fails_the_check_not_the_browser_call(Browser browser) {
        BrowserContext context = browser.newContext();
        try {
            PageWatch watch = new PageWatch();
            context.onRequestFinished(request -> context.close()); // before the watch's handler, on the same event
            watch.attach(context);
            Page page = context.newPage();
            serve(page, "<p>hello</p>");

            Throwable navigation = catchThrowable(() -> page.navigate(PAGE));

            assertNotFromTheWatch(navigation); // the navigation may fail: its page closed under it
            assertThatThrownBy(() -> watch.assertNoResponseContains("the API key", SECRET))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("1 response(s) could not be read, so nothing shows that the API key was"
                            + " not in them (first: " + PAGE + ": ");
        } finally {
            context.close();
        }
    }

    @Test
    void a_stopped_watch_reads_nothing_from_a_closing_context(Browser browser) {
        BrowserContext context = browser.newContext();
        try {
            PageWatch watch = new PageWatch();
            context.onRequestFinished(request -> {
                watch.stop(); // what WatchedContexts does before it closes the test's contexts
                context.close();
            });
            watch.attach(context);
            Page page = context.newPage();
            serve(page, "<p>hello</p>");

            assertNotFromTheWatch(catchThrowable(() -> page.navigate(PAGE)));

            assertThat(watch.received()).isEmpty();
            assertThatThrownBy(() -> watch.assertNoResponseContains("the API key", SECRET))
                    .hasMessageStartingWith("No response was received");
        } finally {
            context.close();
        }
    }

    private static void serve(Page page, String html) {
        Consumer<Route> answer = route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200)
                .setContentType("text/html")
                .setBody(html));
        page.route(PAGE, answer);
    }

    private static void assertNotFromTheWatch(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(Arrays.stream(t.getStackTrace()).map(StackTraceElement::getClassName))
                    .as("where %s was thrown", t)
                    .doesNotContain(PageWatch.class.getName());
        }
    }
}
