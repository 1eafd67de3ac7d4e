package io.authbench.csr.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file the server sends as is, held in memory (the bundle is a few tens of kB).
 *
 * @param path        URL path, e.g. {@code /assets/app-WN3GGYK4.js}
 * @param body        the bytes
 * @param contentType the {@code Content-Type} header value
 * @param etag        a weak entity tag derived from the bytes (weak because the same tag covers the gzip and the
 *                    identity encoding of the body)
 */
public record Asset(String path, byte[] body, String contentType, String etag) {

    public static Asset of(String path, byte[] body, String contentType) {
        return new Asset(path, body, contentType, etagOf(body));
    }

    public static Asset html(String path, String html) {
        return of(path, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }

    static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
