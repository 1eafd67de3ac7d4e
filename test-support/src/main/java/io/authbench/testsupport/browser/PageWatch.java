package io.authbench.testsupport.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import io.authbench.support.browser.PlaywrightErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Watches every page of the browser contexts of one test: console errors and warnings, uncaught page errors, dialogs
 * (an injected {@code alert} would open one; each is dismissed), failed requests, and every response the browser
 * received, headers and body, for the secret checks.
 *
 * <p>{@link BrowserExtension} checks {@link #assertClean()} after each test: a console error or a dialog the test did
 * not declare with {@link #expectConsoleError} or {@link #expectDialog} fails it, and so does any uncaught page
 * error. Bodies are read when a request has finished, not on the response event: a body read there waits for the
 * whole body, which for a document still streaming (or left by a navigation) can be never.
 *
 * <p>Playwright runs these handlers inside whatever browser call the test is waiting in, and an exception thrown by
 * one surfaces from that call. So no handler throws: a response that can no longer be read (its context closed while
 * the event was on its way) is counted, and the secret checks fail on it as unchecked. Once {@link #stop()} is called
 * (the test is over, its contexts are closing) the handlers ask the browser nothing more.
 */
public final class PageWatch {
    /** At most this many events of each kind are kept; more is a test that should be split, and is reported. */
    public static final int MAX_EVENTS = 1_000;
    /** At most this many responses are kept with their bodies; a secret check over more fails as unchecked. */
    public static final int MAX_RESPONSES = 1_000;

    /** One response the browser received: its URL and status, its headers as one text, its body ("" if none). */
    public record Received(String url, int status, String headers, String body) {}

    private final Log consoleErrors = new Log("console errors");
    private final Log consoleWarnings = new Log("console warnings");
    private final Log pageErrors = new Log("uncaught page errors");
    private final Log dialogs = new Log("dialogs");
    private final Log failedRequests = new Log("failed requests");
    private final Log requestedUrls = new Log("requests");
    private final List<Received> received = new ArrayList<>();
    private int responsesNotKept;
    private int responsesUnread;
    private String firstUnread;
    private boolean stopped;
    private final List<Pattern> expectedConsoleErrors = new ArrayList<>();
    private final List<Pattern> expectedDialogs = new ArrayList<>();

    /** Watches {@code context} from now on, with every page it opens. Attach before the first page is opened. */
    public void attach(BrowserContext context) {
        context.onConsoleMessage(this::console);
        context.onPage(page -> {
            page.onPageError(pageErrors::add);
            page.onDialog(this::dialog);
        });
        context.onRequest(request -> requestedUrls.add(request.url()));
        context.onRequestFailed(request -> failedRequests.add(request.url() + " " + request.failure()));
        context.onRequestFinished(this::finished);
    }

    /**
     * Asks the browser nothing more (no response read, no dialog dismissed): the test is over and its contexts are
     * about to close. What a closing context still reports is not the test's, and reading it could fail inside the
     * close.
     */
    public void stop() {
        stopped = true;
    }

    private void console(ConsoleMessage message) {
        switch (message.type()) {
            case "error" -> consoleErrors.add(message.text() + " (at " + message.location() + ")");
            case "warning" -> consoleWarnings.add(message.text() + " (at " + message.location() + ")");
            default -> {}
        }
    }

    private void dialog(Dialog dialog) {
        if (stopped) {
            return;
        }
        dialogs.add(dialog.type() + ": " + dialog.message());
        try {
            dialog.dismiss();
        } catch (PlaywrightException e) {
            // its page closed first: a dialog of a closed page needs no dismissing
        }
    }

    private void finished(Request request) {
        if (stopped) {
            return;
        }
        Response response;
        String headers;
        try {
            // Both ask the browser: they fail when the context closed after the request finished.
            response = request.response();
            if (response == null) {
                return;
            }
            headers = response.allHeaders().toString();
        } catch (PlaywrightException e) {
            unread(request.url(), e);
            return;
        }
        if (received.size() >= MAX_RESPONSES) {
            responsesNotKept++;
            return;
        }
        String body = "";
        if (response.status() < 300 || response.status() >= 400) { // redirects have no body in Chromium
            try {
                body = new String(response.body(), StandardCharsets.UTF_8);
            } catch (PlaywrightException e) {
                // 204s and aborted loads have no body to read
            }
        }
        received.add(new Received(response.url(), response.status(), headers, body));
    }

    private void unread(String url, PlaywrightException e) {
        if (responsesUnread++ == 0) {
            firstUnread = url + ": " + PlaywrightErrors.summarize(e.getMessage());
        }
    }

    /**
     * Declares that this test makes the page log a console error whose text contains a match of {@code regex}
     * (e.g. {@code "status of 401"} for an expected 401 answer): such errors no longer fail the test.
     */
    public void expectConsoleError(String regex) {
        expectedConsoleErrors.add(Pattern.compile(regex));
    }

    /**
     * The console error Chromium logs for a response with this HTTP status (a 401 to a guest's {@code account.get()},
     * say), as a regular expression for {@link #expectConsoleError}.
     */
    public static String failedLoadWithStatus(int status) {
        return "Failed to load resource: the server responded with a status of " + status + "\\b";
    }

    /** Declares that this test makes the page open a dialog whose "type: message" contains a match of {@code regex}. */
    public void expectDialog(String regex) {
        expectedDialogs.add(Pattern.compile(regex));
    }

    /** Every console error so far, as "text (at location)". */
    public List<String> consoleErrors() {
        return consoleErrors.entries();
    }

    /** Every console warning so far, as "text (at location)"; warnings never fail a test by themselves. */
    public List<String> consoleWarnings() {
        return consoleWarnings.entries();
    }

    /** Every uncaught error thrown in a page so far. */
    public List<String> pageErrors() {
        return pageErrors.entries();
    }

    /** Every dialog opened so far, as "type: message". */
    public List<String> dialogs() {
        return dialogs.entries();
    }

    /** Every request that failed so far (refused, aborted, blocked), as "url failure". */
    public List<String> failedRequests() {
        return failedRequests.entries();
    }

    /** The URL of every request the pages made so far, in order. */
    public List<String> requestedUrls() {
        return requestedUrls.entries();
    }

    /** Every response the browser received so far, in the order the requests finished. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * No uncaught page error, no dialog and no console error except the expected ones.
     *
     * @throws AssertionError listing each unexpected event and how a test declares one it provokes on purpose
     */
    public void assertClean() {
        List<String> problems = new ArrayList<>();
        pageErrors.entries().forEach(error -> problems.add("uncaught page error: " + error));
        unexpected(dialogs, expectedDialogs).forEach(dialog -> problems.add("dialog " + dialog));
        unexpected(consoleErrors, expectedConsoleErrors).forEach(error -> problems.add("console error: " + error));
        for (Log log : List.of(pageErrors, dialogs, consoleErrors)) {
            if (log.dropped() > 0) {
                problems.add(log.dropped() + " more " + log.what + " than the " + MAX_EVENTS + " kept");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The page did " + problems.size() + " thing(s) this test does not expect:\n  - "
                    + String.join("\n  - ", problems) + "\nIf the test provokes one on purpose, declare it first:"
                    + " watch.expectConsoleError(regex) or watch.expectDialog(regex).");
        }
    }

    /** Neither a header nor a body of any response the browser received contains {@code secret}. */
    public void assertNoResponseContains(String what, String secret) {
        checkable(what);
        for (Received response : received) {
            if ((response.headers() + "\n" + response.body()).contains(secret)) {
                throw new AssertionError(
                        what + " is in the response from " + response.url() + " (HTTP " + response.status() + ")");
            }
        }
    }

    /** No body (page, script, stylesheet, API answer) contains {@code secret}; headers are not looked at. */
    public void assertNoBodyContains(String what, String secret) {
        checkable(what);
        for (Received response : received) {
            if (response.body().contains(secret)) {
                throw new AssertionError(
                        what + " is in the body from " + response.url() + " (HTTP " + response.status() + ")");
            }
        }
    }

    // A check over nothing, or over part of what arrived, proves nothing: say so instead of passing.
    private void checkable(String what) {
        if (responsesUnread > 0) {
            throw new AssertionError(responsesUnread + " response(s) could not be read, so nothing shows that " + what
                    + " was not in them (first: " + firstUnread + "). Check before closing the context they came"
                    + " from.");
        }
        if (received.isEmpty()) {
            throw new AssertionError("No response was received, so nothing shows that " + what + " was not sent.");
        }
        if (responsesNotKept > 0) {
            throw new AssertionError(responsesNotKept + " responses beyond the " + MAX_RESPONSES + " kept were not"
                    + " checked for " + what + ". Split the test.");
        }
    }

    private static List<String> unexpected(Log log, List<Pattern> expected) {
        return log.entries().stream()
                .filter(entry ->
                        expected.stream().noneMatch(p -> p.matcher(entry).find()))
                .toList();
    }

    /** A list that keeps the first {@link #MAX_EVENTS} entries and counts the rest. */
    private static final class Log {
        private final String what;
        private final List<String> entries = new ArrayList<>();
        private int dropped;

        Log(String what) {
            this.what = what;
        }

        void add(String entry) {
            if (entries.size() < MAX_EVENTS) {
                entries.add(entry);
            } else {
                dropped++;
            }
        }

        List<String> entries() {
            return List.copyOf(entries);
        }

        int dropped() {
            return dropped;
        }
    }
}
