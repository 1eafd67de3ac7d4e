package io.authbench.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files a web server is usually configured with: a certificate chain ({@code BEGIN CERTIFICATE}
 * blocks, leaf first) and an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}, EC or RSA). Parsing is the
 * JDK's ({@link CertificateFactory}, {@link KeyFactory}); this class only finds the blocks.
 */
public final class PemFiles {
    /** Files larger than this are not certificate or key files; refusing them keeps a mistake from filling memory. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final Pattern PRIVATE_KEY =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private PemFiles() {}

    /** The certificates of a PEM file in file order; at least one, else {@link TlsFileException}. */
    public static List<X509Certificate> readCertificates(Path file) {
        byte[] bytes = read(file, "certificate");
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (CertificateException e) {
            throw new TlsFileException(
                    file + " is not a PEM certificate file (" + e.getMessage() + "). Give a file "
                            + "of '-----BEGIN CERTIFICATE-----' blocks.",
                    e);
        }
        if (certificates.isEmpty()) {
            throw new TlsFileException(
                    file + " holds no certificate. Give a file of '-----BEGIN CERTIFICATE-----' " + "blocks.");
        }
        return List.copyOf(certificates);
    }

    /** The one unencrypted PKCS#8 private key of a PEM file (EC or RSA). */
    public static PrivateKey readPrivateKey(Path file) {
        String text = new String(read(file, "private key"), StandardCharsets.US_ASCII);
        Matcher matcher = PRIVATE_KEY.matcher(text);
        if (!matcher.find()) {
            String hint = text.contains("BEGIN ENCRYPTED PRIVATE KEY")
                    ? " It is encrypted; give it unencrypted."
                    : text.contains("BEGIN EC PRIVATE KEY") || text.contains("BEGIN RSA PRIVATE KEY")
                            ? " It is in the older SEC1/PKCS#1 form; convert it with: openssl pkcs8 -topk8 -nocrypt"
                            : "";
            throw new TlsFileException(
                    file + " holds no '-----BEGIN PRIVATE KEY-----' block (unencrypted PKCS#8)." + hint);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(1));
        } catch (IllegalArgumentException e) {
            throw new TlsFileException(file + ": the private key block is not valid base64.", e);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new TlsFileException(file + ": the private key is neither an EC nor an RSA PKCS#8 key.");
    }

    private static byte[] read(Path file, String what) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new TlsFileException(
                        file + " is larger than " + MAX_FILE_BYTES + " bytes: not a " + what + " file.");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TlsFileException(file + ": no such " + what + " file.", e);
        } catch (IOException e) {
            throw new TlsFileException(file + ": cannot read the " + what + " file (" + e + ").", e);
        }
    }
}
