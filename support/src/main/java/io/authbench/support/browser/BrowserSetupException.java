package io.authbench.support.browser;

import io.authbench.support.SupportException;

/**
 * The browser tooling cannot be set up: no Chromium, no (or too old a) Node.js, a driver cache that cannot be
 * written, or a browser that does not start. The message names the path involved and the fix.
 */
public class BrowserSetupException extends SupportException {
    public BrowserSetupException(String message) {
        super(message);
    }

    public BrowserSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
