package io.authbench.testsupport.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.authbench.support.browser.Browsers;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Real Chromium for a JUnit 5 test class: {@code @ExtendWith(BrowserExtension.class)}, then ask for what a method
 * needs as parameters.
 *
 * <ul>
 *   <li>{@link Browser}: one Playwright and one Chromium per test class (support's {@code Browsers}: the machine's
 *       node and the located browser), launched on first use, closed after the class. Also in {@code @BeforeAll}.</li>
 *   <li>{@link BrowserContext}, {@link Page}: per test, a fresh context and its first page (the same ones for the
 *       test and its {@code @BeforeEach}/{@code @AfterEach} methods).</li>
 *   <li>{@link PageWatch}: per test, what the pages did. After each test (after its {@code @AfterEach} methods,
 *       so they can still check the watch) a console error or dialog the test did not declare, or an uncaught page
 *       error, fails the test; then every context of the test is closed, whether it passed or not.</li>
 *   <li>{@link WatchedContexts}: per test, for more contexts, with options of their own, watched and closed alike.</li>
 * </ul>
 *
 * Browser steps and Playwright assertions wait up to {@link #PATIENCE}: long enough for a loaded shared machine,
 * short enough that a hung page fails the test. It bounds a wait; it is not a performance threshold.
 */
public final class BrowserExtension
        implements BeforeAllCallback, ParameterResolver, AfterEachCallback, AfterAllCallback {
    /** How long a browser step or assertion may take before the test calls it hung. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final Set<Class<?>> PER_TEST =
            Set.of(BrowserContext.class, Page.class, PageWatch.class, WatchedContexts.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // A static setting of Playwright's: the same value for every class that uses this extension.
        PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE.toMillis());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Browser.class || PER_TEST.contains(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Browser.class) {
            return classBrowser(context).browser();
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("A " + type.getSimpleName() + " lives for one test; ask for it in"
                    + " a @Test, @BeforeEach or @AfterEach method. @BeforeAll methods can have the Browser.");
        }
        WatchedContexts contexts = context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        WatchedContexts.class,
                        key -> new WatchedContexts(classBrowser(context).browser()),
                        WatchedContexts.class);
        if (type == BrowserContext.class) {
            return contexts.first();
        }
        if (type == Page.class) {
            return contexts.firstPage();
        }
        if (type == PageWatch.class) {
            return contexts.watch();
        }
        return contexts;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        WatchedContexts contexts = context.getStore(NAMESPACE).remove(WatchedContexts.class, WatchedContexts.class);
        if (contexts != null) {
            contexts.checkAndClose();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassBrowser browser = context.getStore(NAMESPACE).remove(ClassBrowser.class, ClassBrowser.class);
        if (browser != null) {
            browser.close();
        }
    }

    private static ClassBrowser classBrowser(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(ClassBrowser.class, key -> ClassBrowser.launch(), ClassBrowser.class);
    }

    /** The class's Playwright and Chromium; AutoCloseable, so JUnit closes it with the store if afterAll cannot. */
    private record ClassBrowser(Playwright playwright, Browser browser) implements AutoCloseable {
        static ClassBrowser launch() {
            Playwright playwright = Browsers.createPlaywright();
            try {
                return new ClassBrowser(playwright, Browsers.launchChromium(playwright));
            } catch (RuntimeException e) {
                playwright.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                browser.close();
            } finally {
                playwright.close();
            }
        }
    }
}
