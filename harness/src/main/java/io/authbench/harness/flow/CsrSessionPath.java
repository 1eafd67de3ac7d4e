package io.authbench.harness.flow;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.authbench.reports.results.Sample;

/**
 * Which way a CSR iteration's Appwrite session reached the browser, read from the page after the measurement.
 *
 * <p>Appwrite answers a session-creating call with {@code X-Fallback-Cookies} whenever it cannot verify that the
 * app's origin and the API share a registrable domain ({@code localhost} never can). The Web SDK then stores that
 * header in {@code localStorage.cookieFallback} and sends it back on every call; it writes the key only in that case.
 * So the key's presence in the iteration's fresh browser context tells the two paths apart: present = fallback (the
 * session is readable by page script), absent = cookie only.
 */
final class CsrSessionPath {
    private static final String PROBE = "() => { try { return window.localStorage.getItem('cookieFallback') !== null; }"
            + " catch (e) { return null; } }";

    private CsrSessionPath() {}

    /** {@code localStorage.cookieFallback} as the page holds it; null when absent or unreadable. */
    static String storedFallback(Page page) {
        try {
            Object value = page.evaluate(
                    "() => { try { return window.localStorage.getItem('cookieFallback'); } catch (e) { return null; } }");
            return value instanceof String text ? text : null;
        } catch (PlaywrightException pageGone) {
            return null;
        }
    }

    /** {@link Sample#FALLBACK_PATH}, {@link Sample#COOKIE_PATH}, or null when the page could not be asked. */
    static String observe(Page page) {
        try {
            Object present = page.evaluate(PROBE);
            if (present instanceof Boolean stored) {
                return stored ? Sample.FALLBACK_PATH : Sample.COOKIE_PATH;
            }
            return null; // storage blocked: not measured rather than guessed
        } catch (PlaywrightException pageGone) {
            return null;
        }
    }
}
