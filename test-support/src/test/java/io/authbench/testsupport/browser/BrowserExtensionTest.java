package io.authbench.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The extension as a test class meets it: sample classes (nested, so surefire does not run them by themselves) are
 * run through JUnit here, and their outcome is what is checked. A page error, an undeclared console error or dialog
 * must fail the sample; a declared one must not; contexts and the browser must be closed, also after a failure.
 */
class BrowserExtensionTest {

    @Test
    void a_console_error_the_test_did_not_declare_fails_it_with_the_message_and_the_fix() {
        TestExecutionSummary summary = run(ConsoleErrorSample.class);

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(failureMessages(summary))
                .singleElement()
                .asString()
                .contains("console error: boom from the page")
                .contains("watch.expectConsoleError(regex)");
    }

    @Test
    void a_declared_console_error_passes() {
        TestExecutionSummary summary = run(ExpectedConsoleErrorSample.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getTestsFailedCount()).isZero();
    }

    @Test
    void a_dialog_fails_the_test_unless_it_was_declared() {
        TestExecutionSummary summary = run(DialogSample.class);

        assertThat(summary.getTestsSucceededCount())
                .as("the test that declared its dialog")
                .isEqualTo(1);
        assertThat(failureMessages(summary)).singleElement().asString().contains("dialog alert: injected");
    }

    @Test
    void an_uncaught_page_error_fails_the_test() {
        TestExecutionSummary summary = run(PageErrorSample.class);

        assertThat(failureMessages(summary))
                .singleElement()
                .asString()
                .contains("uncaught page error:")
                .contains("kaput");
    }

    @Test
    void one_browser_serves_the_class_each_test_gets_a_fresh_context_and_all_is_closed_also_after_a_failure() {
        LifecycleSample.reset();
        TestExecutionSummary summary = run(LifecycleSample.class);

        assertThat(failureMessages(summary)).singleElement().asString().contains("the test itself fails");
        assertThat(LifecycleSample.browsers)
                .as("the Browser of @BeforeAll and of each test")
                .hasSize(1);
        assertThat(LifecycleSample.contexts).hasSize(2).doesNotHaveDuplicates();
        assertThat(LifecycleSample.pageInItsContext).containsOnly(true);
        assertThat(LifecycleSample.openContextsAfterTheTests)
                .as("contexts left open after the tests")
                .isZero();
        assertThat(LifecycleSample.browsers)
                .allSatisfy(b -> assertThat(b.isConnected()).isFalse());
    }

    private static TestExecutionSummary run(Class<?> sample) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(sample))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsFoundCount())
                .as("tests in " + sample.getSimpleName())
                .isPositive();
        return summary;
    }

    private static List<String> failureMessages(TestExecutionSummary summary) {
        return summary.getFailures().stream()
                .map(f -> String.valueOf(f.getException().getMessage()))
                .toList();
    }

    @ExtendWith(BrowserExtension.class)
    static class ConsoleErrorSample {
        @Test
        void logs_an_error(Page page) {
            page.setContent("<script>console.error('boom from the page')</script><p>hello</p>");
            page.evaluate("1"); // a round trip: the console event has reached the watch
        }
    }

    @ExtendWith(BrowserExtension.class)
    static class ExpectedConsoleErrorSample {
        @Test
        void logs_an_error_it_declared(Page page, PageWatch watch) {
            watch.expectConsoleError("boom from");
            page.setContent("<script>console.error('boom from the page')</script><p>hello</p>");
            page.evaluate("1");
            assertThat(watch.consoleErrors()).singleElement().asString().startsWith("boom from the page");
        }
    }

    @ExtendWith(BrowserExtension.class)
    static class DialogSample {
        @Test
        void opens_an_alert(Page page) {
            page.evaluate("() => alert('injected')");
        }

        @Test
        void opens_an_alert_it_declared(Page page, PageWatch watch) {
            watch.expectDialog("^alert: injected$");
            page.evaluate("() => alert('injected')");
            assertThat(watch.dialogs()).containsExactly("alert: injected");
        }
    }

    @ExtendWith(BrowserExtension.class)
    static class PageErrorSample {
        @Test
        void throws_in_the_page(Page page) {
            page.setContent("<script>throw new Error('kaput')</script><p>hello</p>");
            page.evaluate("1");
        }
    }

    @ExtendWith(BrowserExtension.class)
    static class LifecycleSample {
        static final List<Browser> browsers = new ArrayList<>();
        static final List<BrowserContext> contexts = new ArrayList<>();
        static final List<Boolean> pageInItsContext = new ArrayList<>();
        static int openContextsAfterTheTests = -1;

        static void reset() {
            browsers.clear();
            contexts.clear();
            pageInItsContext.clear();
            openContextsAfterTheTests = -1;
        }

        @BeforeAll
        static void remember(Browser browser) {
            browsers.add(browser);
        }

        @Test
        void passes(Browser browser, BrowserContext context, Page page) {
            record(browser, context, page);
        }

        @Test
        void fails(Browser browser, BrowserContext context, Page page, WatchedContexts more) {
            record(browser, context, page);
            more.open(new Browser.NewContextOptions().setJavaScriptEnabled(false))
                    .newPage();
            throw new AssertionError("the test itself fails");
        }

        private static void record(Browser browser, BrowserContext context, Page page) {
            if (!browsers.contains(browser)) {
                browsers.add(browser);
            }
            contexts.add(context);
            pageInItsContext.add(page.context() == context);
        }

        @AfterAll
        static void countOpenContexts(Browser browser) {
            openContextsAfterTheTests = browser.contexts().size();
        }
    }
}
