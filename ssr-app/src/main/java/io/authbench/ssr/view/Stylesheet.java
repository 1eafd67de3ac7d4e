package io.authbench.ssr.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The shared stylesheet (shared-web/app.css, copied into the jar by the build), served at {@value #PATH}.
 * Pages link it with a content version ({@code /assets/app.css?v=<hash>}), so it can be cached for a year and a
 * new build is still picked up at once.
 */
public final class Stylesheet {
    public static final String PATH = "/assets/app.css";
    private static final String RESOURCE = "/io/authbench/ssr/assets/app.css";

    /** The stylesheet's bytes. */
    public static final byte[] BYTES = load();
    /** A short hash of {@link #BYTES}: the version in the link and the ETag. */
    public static final String VERSION = sha256Prefix(BYTES);
    /** What pages put in {@code <link rel="stylesheet" href>}. */
    public static final String HREF = PATH + "?v=" + VERSION;

    private Stylesheet() {}

    private static byte[] load() {
        try (InputStream in = Stylesheet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The stylesheet " + RESOURCE + " is missing from the class path;"
                        + " build ssr-app with Maven, which copies shared-web/app.css into it.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the stylesheet " + RESOURCE, e);
        }
    }

    private static String sha256Prefix(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
