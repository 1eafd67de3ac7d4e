/**
 * Shared by the apps' tests and the harness: {@link io.authbench.support.process} starts and supervises child
 * server processes, {@link io.authbench.support.browser} finds Chromium and creates Playwright on the machine's
 * own Node.js. The module never depends on app code.
 */
package io.authbench.support;
