/**
 * Browser tooling: {@link io.authbench.support.browser.BrowserLocator} finds Chromium,
 * {@link io.authbench.support.browser.Browsers} creates Playwright on the machine's node from a cached driver folder
 * and launches Chromium with the project's flags. See support/README.md for how the driver is found and cached.
 */
package io.authbench.support.browser;
