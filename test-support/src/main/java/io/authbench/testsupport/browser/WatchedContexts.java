package io.authbench.testsupport.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * The browser contexts of one test: each is fresh (an empty cookie jar and storage, so a login is cold), waits
 * {@link BrowserExtension#PATIENCE} for a step, is watched by the test's {@link PageWatch}, and is closed after the
 * test, whether it passed or not. Ask for this as a parameter to open a context with options of its own (JavaScript
 * off, offline, a storage state); a {@code BrowserContext} or {@code Page} parameter is the test's first context.
 */
public final class WatchedContexts implements AutoCloseable {
    /** A test that needs more contexts than this is several tests. */
    static final int MAX_CONTEXTS = 16;

    private final Browser browser;
    private final PageWatch watch = new PageWatch();
    private final List<BrowserContext> open = new ArrayList<>();
    private BrowserContext first;
    private Page firstPage;

    WatchedContexts(Browser browser) {
        this.browser = browser;
    }

    /** A new watched context with Playwright's default options. */
    public BrowserContext open() {
        return open(new Browser.NewContextOptions());
    }

    /** A new watched context with these options. */
    public BrowserContext open(Browser.NewContextOptions options) {
        if (open.size() >= MAX_CONTEXTS) {
            throw new IllegalStateException(
                    "This test already opened " + MAX_CONTEXTS + " browser contexts; split it.");
        }
        BrowserContext context = browser.newContext(options);
        open.add(context);
        context.setDefaultTimeout(BrowserExtension.PATIENCE.toMillis());
        watch.attach(context);
        return context;
    }

    /** The watch over every context of this test. */
    public PageWatch watch() {
        return watch;
    }

    /** The test's first context (opened on first use): what a {@code BrowserContext} parameter receives. */
    BrowserContext first() {
        if (first == null) {
            first = open();
        }
        return first;
    }

    /** The first page of the test's first context (opened on first use): what a {@code Page} parameter receives. */
    Page firstPage() {
        if (firstPage == null) {
            firstPage = first().newPage();
        }
        return firstPage;
    }

    /** Checks the watch, then closes every context, also when the check fails. */
    void checkAndClose() {
        try {
            watch.assertClean();
        } finally {
            close();
        }
    }

    /** Stops the watch (the test is over), then closes every context this test opened; idempotent. */
    @Override
    public void close() {
        watch.stop();
        RuntimeException failure = null;
        for (BrowserContext context : open) {
            try {
                context.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
