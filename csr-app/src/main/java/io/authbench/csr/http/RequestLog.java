package io.authbench.csr.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.accesslog.AccessLogHandler;
import java.io.PrintStream;

/** {@code --request-log}: one line per finished request ("client "request line" status bytes") on stdout. */
public final class RequestLog {
    static final String FORMAT = "%h \"%r\" %s %b";

    private RequestLog() {}

    public static HttpHandler wrap(HttpHandler next, PrintStream out) {
        return new AccessLogHandler(
                next,
                message -> {
                    synchronized (out) {
                        out.println(message);
                        out.flush();
                    }
                },
                FORMAT,
                RequestLog.class.getClassLoader());
    }
}
