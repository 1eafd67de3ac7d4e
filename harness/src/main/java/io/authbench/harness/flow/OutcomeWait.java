package io.authbench.harness.flow;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.authbench.harness.apptarget.Target;
import io.authbench.harness.check.Quote;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Waits for a flow's content element, or for a sign that it will not come, so a broken iteration ends at once with
 * its reason instead of at the iteration's timeout:
 * <ul>
 *   <li>an error element: the bundled apps' {@code login-error}/{@code upstream-error} (docs/CONVENTIONS.md) and the
 *       target's own {@code selectors.loginError}/{@code selectors.upstreamError};</li>
 *   <li>an error document: the main frame received a 4xx/5xx page ({@link DocumentResponses}). A flow that ends on
 *       the login page accepts 401 and 403, with which some apps send their login form to a guest.</li>
 * </ul>
 * The element wait runs in short slices so an error document, which shows no known element, is noticed between them.
 */
final class OutcomeWait {
    /** How often an element wait looks at the documents received; bounds how late an error page is noticed. */
    private static final long SLICE_MS = 200;

    /** What the wait ended with. */
    enum Kind {
        CONTENT,
        LOGIN_ERROR,
        UPSTREAM_ERROR,
        ERROR_DOCUMENT
    }

    /** {@code description}: for a failure message, e.g. "POST /signin answered HTTP 500 (the page shows '…')". */
    record Outcome(Kind kind, String description) {
        boolean content() {
            return kind == Kind.CONTENT;
        }
    }

    private final Map<Kind, String> errorSelectors = new LinkedHashMap<>();

    OutcomeWait(Target target) {
        errorSelectors.put(
                Kind.LOGIN_ERROR,
                either(Selectors.LOGIN_ERROR, target.selectors().loginError()));
        errorSelectors.put(
                Kind.UPSTREAM_ERROR,
                either(Selectors.UPSTREAM_ERROR, target.selectors().upstreamError()));
    }

    private static String either(String bundled, String own) {
        return own == null ? bundled : bundled + ", " + own;
    }

    /**
     * Waits until {@code contentSelector} (described as {@code element} in messages) is visible, an error element is,
     * or an error document arrived after {@code since} (a {@link DocumentResponses#mark()}).
     *
     * @param loginPageContent the content is the login page (guard, logout): 401 and 403 documents are no error
     * @throws FlowFailure when the budget runs out, naming what the page shows instead
     */
    Outcome await(
            Page page,
            DocumentResponses documents,
            long since,
            String contentSelector,
            String element,
            boolean loginPageContent,
            IterationBudget budget) {
        String any = contentSelector + ", " + String.join(", ", errorSelectors.values());
        while (true) {
            Optional<Outcome> error = errorDocument(page, documents, since, loginPageContent);
            if (error.isPresent()) {
                return error.get();
            }
            try {
                page.waitForSelector(
                        any,
                        new Page.WaitForSelectorOptions()
                                .setState(WaitForSelectorState.VISIBLE)
                                .setTimeout(Math.min(SLICE_MS, budget.remainingMs())));
                break;
            } catch (TimeoutError e) {
                if (budget.expired()) {
                    throw new FlowFailure(
                            "timed out (" + budget.timeoutMs() + " ms) waiting for " + element + "; " + shows(page));
                }
            }
        }
        Optional<Outcome> error = errorDocument(page, documents, since, loginPageContent);
        if (error.isPresent()) {
            return error.get();
        }
        for (Map.Entry<Kind, String> candidate : errorSelectors.entrySet()) {
            if (page.locator(candidate.getValue()).first().isVisible()) {
                String text = page.locator(candidate.getValue()).first().textContent();
                return new Outcome(
                        candidate.getKey(),
                        "the page shows " + label(candidate.getKey()) + " (" + Quote.of(text) + ")");
            }
        }
        return new Outcome(Kind.CONTENT, null);
    }

    private Optional<Outcome> errorDocument(
            Page page, DocumentResponses documents, long since, boolean loginPageContent) {
        return documents
                .errorSince(since)
                .filter(d -> !(loginPageContent && (d.status() == 401 || d.status() == 403)))
                .map(d -> new Outcome(Kind.ERROR_DOCUMENT, d.describe() + " (" + shows(page) + ")"));
    }

    private static String label(Kind kind) {
        return kind == Kind.LOGIN_ERROR ? "its login-error message" : "its upstream-error message";
    }

    /** "the page (/path) shows '<heading or title>'" — what the user would see instead. */
    static String shows(Page page) {
        try {
            Object text = page.evaluate("() => { const h = document.querySelector('h1, h2, [role=alert]');"
                    + " return (h && h.textContent.trim()) || document.title"
                    + " || (document.body ? document.body.innerText.slice(0, 300) : ''); }");
            return "the page " + pathOf(page.url()) + " shows " + Quote.of(text == null ? "" : text.toString());
        } catch (PlaywrightException e) {
            return "the page could not be read";
        }
    }

    private static String pathOf(String url) {
        try {
            String path = URI.create(url).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
