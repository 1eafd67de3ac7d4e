package io.authbench.nextjs;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Watches one browser context: console errors (a CSP violation is one), uncaught page errors, dialogs (an
 * injected {@code alert} would open one), and every response the browser received, headers and body apart, for
 * the secret checks. Bodies are read as they arrive: after a navigation the old document's are gone.
 */
final class Watch {
    /** How long a browser step or assertion may take before the test calls it hung (the machine is shared). */
    static final int PATIENCE_MILLIS = 30_000;

    record Received(String url, String headers, String body) {
    }

    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Pattern> allowedConsoleErrors = new ArrayList<>();

    Watch(BrowserContext context) {
        context.setDefaultTimeout(PATIENCE_MILLIS);
        context.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        context.onPage(page -> {
            page.onPageError(pageErrors::add);
            page.onDialog(dialog -> {
                dialogs.add(dialog.type() + ": " + dialog.message());
                dialog.dismiss();
            });
        });
        // After the request finished, not on the response event: a body read there waits for the whole body,
        // which for a document still streaming (or left by a navigation) can be never.
        context.onRequestFinished(request -> {
            Response response = request.response();
            if (response != null) {
                record(response);
            }
        });
    }

    private void record(Response response) {
        String body = "";
        if (response.status() < 300 || response.status() >= 400) {
            try {
                body = new String(response.body(), StandardCharsets.UTF_8);
            } catch (PlaywrightException e) {
                // 204s and aborted loads have no body to read
            }
        }
        received.add(new Received(response.url(), response.allHeaders().toString(), body));
    }

    void allowConsoleError(String regex) {
        allowedConsoleErrors.add(Pattern.compile(regex));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** No page error, no dialog, and no console error except the allowed ones. */
    void assertClean() {
        assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
        assertThat(dialogs).as("dialogs opened by the page").isEmpty();
        List<String> unexpected = consoleErrors.stream()
                .filter(error -> allowedConsoleErrors.stream().noneMatch(p -> p.matcher(error).find())).toList();
        assertThat(unexpected).as("console errors").isEmpty();
    }

    /** Neither a header nor a body of any response the browser received contains {@code secret}. */
    void assertNowhere(String what, String secret) {
        for (Received response : received) {
            assertThat(response.headers() + "\n" + response.body()).as(what + " in the response from " + response.url())
                    .doesNotContain(secret);
        }
    }

    /** No body (page, script chunk, stylesheet, API answer) contains {@code secret}; headers are not looked at. */
    void assertInNoBody(String what, String secret) {
        for (Received response : received) {
            assertThat(response.body()).as(what + " in the body from " + response.url()).doesNotContain(secret);
        }
    }
}
