/**
 * TLS material from files, for the three servers and their clients: {@link io.authbench.tls.PemFiles} reads PEM
 * certificates and PKCS#8 private keys, {@link io.authbench.tls.TlsContexts} turns them into a server
 * {@code SSLContext} (HTTPS listener) or a client one that trusts exactly one certificate authority. JDK only.
 * The certificates themselves are made per run by {@code io.authbench.support.tls.RunAuthority}.
 */
package io.authbench.tls;
