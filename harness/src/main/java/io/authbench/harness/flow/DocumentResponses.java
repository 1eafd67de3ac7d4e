package io.authbench.harness.flow;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import java.net.URI;
import java.util.Optional;

/**
 * The documents a page's main frame received, as far as the flows need them: the last one that answered with an
 * error status (4xx/5xx). An app that answers a navigation with an error page will not show the flow's content, so
 * the wait for it ends at once with the status instead of running into the iteration's timeout.
 */
final class DocumentResponses {
    /** A main-frame document that answered with an error status; {@code seq} orders them. */
    record ErrorDocument(String method, String path, int status, long seq) {
        String describe() {
            return method + " " + path + " answered HTTP " + status;
        }
    }

    private long seq;
    private ErrorDocument lastError;

    private DocumentResponses() {}

    /** Starts recording {@code page}'s main-frame documents. */
    static DocumentResponses attach(Page page) {
        DocumentResponses documents = new DocumentResponses();
        page.onResponse(documents::record);
        return documents;
    }

    private void record(Response response) {
        seq++;
        try {
            if (response.status() < 400
                    || !response.request().isNavigationRequest()
                    || response.frame() == null
                    || response.frame().parentFrame() != null) {
                return;
            }
        } catch (PlaywrightException e) {
            return; // no frame (a service worker's response): not a document of the page
        }
        lastError = new ErrorDocument(response.request().method(), pathOf(response.url()), response.status(), seq);
    }

    /** A point in time to ask {@link #errorSince} from. */
    long mark() {
        return seq;
    }

    /** The last error document received after {@code mark}, if any. */
    Optional<ErrorDocument> errorSince(long mark) {
        return lastError != null && lastError.seq() > mark ? Optional.of(lastError) : Optional.empty();
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
