package io.authbench.serverbench.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/** A response body as text, decompressed as a browser would (Java's HttpClient does not decompress). */
public final class Bodies {
    private Bodies() {}

    /**
     * @throws IOException if the body is compressed in an encoding this client cannot read (it asks for gzip and
     *                     deflate only where it checks bodies) or is corrupt
     */
    public static String text(HttpResponse<byte[]> response) throws IOException {
        String encoding = response.headers()
                .firstValue("Content-Encoding")
                .orElse("identity")
                .trim()
                .toLowerCase(Locale.ROOT);
        byte[] body = response.body();
        InputStream in = switch (encoding) {
            case "identity", "" -> new ByteArrayInputStream(body);
            case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body));
            default -> throw new IOException("Content-Encoding " + encoding + " cannot be read here");
        };
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
