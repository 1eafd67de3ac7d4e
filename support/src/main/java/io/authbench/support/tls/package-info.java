/**
 * Per-run TLS: {@link io.authbench.support.tls.RunAuthority} makes a throwaway certificate authority for one run,
 * issues each server its certificate for the run's host names and hands every client the trust it needs (a Java
 * {@code SSLContext} or trust store, a PEM file for Node.js, an NSS database for Chromium through
 * {@link io.authbench.support.tls.ChromiumTrust}). Everything is written inside the run folder; support/README.md
 * says which files stay after the run.
 */
package io.authbench.support.tls;
