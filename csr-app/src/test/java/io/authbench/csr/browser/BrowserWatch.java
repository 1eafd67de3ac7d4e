package io.authbench.csr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Watches every page of one browser context: console errors, uncaught page errors, dialogs (an injected
 * {@code alert} would open one), and every response the browser received, headers and body, for the secret check.
 */
final class BrowserWatch {
    /** How long a browser step or assertion may take before the test calls it hung. */
    static final int PATIENCE_MILLIS = 30_000;

    /** What a guest's {@code account.get()} (and a wrong password) makes Chromium log: a 401 is the expected answer. */
    static final Pattern APPWRITE_401 =
            Pattern.compile("Failed to load resource: the server responded with a status of 401 \\(Unauthorized\\).*");

    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> pageErrors = new ArrayList<>();
    private final List<String> dialogs = new ArrayList<>();
    private final List<String> receivedTexts = new ArrayList<>();
    private final List<Pattern> allowedConsoleErrors = new ArrayList<>(List.of(APPWRITE_401));
    private int responsesSeen;

    void attach(BrowserContext context) {
        context.onPage(this::attach);
    }

    private void attach(Page page) {
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text() + " (at " + message.location() + ")");
            }
        });
        page.onPageError(error -> pageErrors.add(error));
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
        page.onResponse(this::record);
    }

    // Read at once: after a navigation the old document's bodies are gone.
    private void record(Response response) {
        responsesSeen++;
        StringBuilder text = new StringBuilder(response.url()).append('\n');
        for (Map.Entry<String, String> header : response.allHeaders().entrySet()) {
            text.append(header.getKey()).append(": ").append(header.getValue()).append('\n');
        }
        try {
            text.append(new String(response.body(), StandardCharsets.UTF_8));
        } catch (PlaywrightException e) {
            // Redirects and 204s have no body to read; preflights never reach Playwright at all.
        }
        receivedTexts.add(text.toString());
    }

    void allowConsoleError(Pattern pattern) {
        allowedConsoleErrors.add(pattern);
    }

    int responsesSeen() {
        return responsesSeen;
    }

    List<String> dialogs() {
        return List.copyOf(dialogs);
    }

    /** No page error, no dialog, and no console error except the allowed ones. */
    void assertClean() {
        assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
        assertThat(dialogs).as("dialogs opened by the page").isEmpty();
        List<String> unexpected = consoleErrors.stream()
                .filter(error -> allowedConsoleErrors.stream().noneMatch(p -> p.matcher(error).matches()))
                .toList();
        assertThat(unexpected).as("console errors").isEmpty();
    }

    void assertNothingReceivedContains(String secret) {
        for (String text : receivedTexts) {
            assertThat(text).as("a response the browser received").doesNotContain(secret);
        }
    }
}
