package io.authbench.support.process;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a started child shows it accepts requests, and where it then answers.
 *
 * <ul>
 *   <li>{@link #listeningLine()}: it prints {@code LISTENING <base-url>} on stdout (docs/CONVENTIONS.md; AuthBench's own
 *       servers), and that line gives the URL;</li>
 *   <li>{@link #logLine}: a line of its stdout or stderr matches a regular expression (an app with its own start-up
 *       message, such as Next.js's {@code ✓ Ready in 1.2s}); the URL is known beforehand (the port it was told);</li>
 *   <li>{@link #httpGet}: a plain HTTP/1.1 GET of a URL gets an answer below 500, polled every
 *       {@value #POLL_MILLIS} ms.</li>
 * </ul>
 *
 * @param kind    which of the three
 * @param logLine the expression a log line must contain ({@link java.util.regex.Matcher#find()}), for {@link Kind#LOG_LINE}
 * @param url     the base URL once ready (LOG_LINE), or the URL polled (HTTP_GET); null for LISTENING_LINE
 * @param base    the base URL reported by {@link ServerProcess#url()} for HTTP_GET (the polled URL may be a page)
 */
public record Readiness(Kind kind, Pattern logLine, URI url, URI base) {
    /** Poll interval of {@link #httpGet}. */
    public static final long POLL_MILLIS = 250;

    /** The three ways. */
    public enum Kind {
        LISTENING_LINE,
        LOG_LINE,
        HTTP_GET
    }

    public Readiness {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.LOG_LINE && (logLine == null || url == null)) {
            throw new IllegalArgumentException("a log-line readiness needs the expression and the server's URL");
        }
        if (kind == Kind.HTTP_GET && (url == null || base == null)) {
            throw new IllegalArgumentException("an HTTP readiness needs the URL to poll and the server's base URL");
        }
    }

    /** {@code LISTENING <url>} on stdout (the default). */
    public static Readiness listeningLine() {
        return new Readiness(Kind.LISTENING_LINE, null, null, null);
    }

    /** A stdout or stderr line in which {@code expression} is found; the server then answers at {@code base}. */
    public static Readiness logLine(Pattern expression, URI base) {
        return new Readiness(Kind.LOG_LINE, expression, base, base);
    }

    /** {@code GET poll} answers with a status below 500; the server's base URL is {@code base}. */
    public static Readiness httpGet(URI poll, URI base) {
        return new Readiness(Kind.HTTP_GET, null, poll, base);
    }

    /** For messages: what the server had to do to count as ready. */
    public String describe() {
        return switch (kind) {
            case LISTENING_LINE -> "print its ready line 'LISTENING <url>'";
            case LOG_LINE -> "print a log line matching /" + logLine.pattern() + "/";
            case HTTP_GET -> "answer GET " + url + " with a status below 500";
        };
    }
}
