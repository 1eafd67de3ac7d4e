package io.authbench.tls;

/** A certificate or key file that cannot be used; the message names the file, the problem and the fix. */
public final class TlsFileException extends RuntimeException {
    public TlsFileException(String message) {
        super(message);
    }

    public TlsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
