package io.authbench.support.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * X.509 certificates for one run, built with BouncyCastle: a root authority, an issuing (intermediate) authority
 * and server certificates, all ECDSA P-256 with SHA-256, as a public web site would have them (a leaf and one
 * intermediate on the wire; the root only in the client's trust store).
 */
final class Certificates {
    /** Long enough for any run, short enough that a leaked file is soon worthless. */
    static final Duration VALIDITY = Duration.ofDays(7);
    /** Clocks of the parties may differ a little; a certificate valid from "now" could look not yet valid. */
    static final Duration BACKDATE = Duration.ofHours(1);

    private static final String SIGNATURE = "SHA256withECDSA";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {}

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot make EC P-256 keys: " + e.getMessage(), e);
        }
    }

    static X509Certificate root(X500Name subject, KeyPair keys) {
        return build(
                new JcaX509v3CertificateBuilder(subject, serial(), notBefore(), notAfter(), subject, keys.getPublic()),
                keys.getPrivate(),
                (builder, utils) -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(1));
                    builder.addExtension(
                            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    builder.addExtension(
                            Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
                });
    }

    static X509Certificate intermediate(X509Certificate issuer, PrivateKey issuerKey, X500Name subject, KeyPair keys) {
        return build(
                new JcaX509v3CertificateBuilder(issuer, serial(), notBefore(), notAfter(), subject, keys.getPublic()),
                issuerKey,
                (builder, utils) -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    builder.addExtension(
                            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    builder.addExtension(
                            Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
                    builder.addExtension(
                            Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
                });
    }

    /** A TLS server certificate for {@code hostNames} (DNS names or IP literals, already checked by HostNames). */
    static X509Certificate server(X509Certificate issuer, PrivateKey issuerKey, List<String> hostNames, KeyPair keys) {
        X500Name subject = new X500Name("CN=" + hostNames.get(0));
        GeneralName[] names = hostNames.stream()
                .map(name -> new GeneralName(
                        HostNames.isIpLiteral(name) ? GeneralName.iPAddress : GeneralName.dNSName, name))
                .toArray(GeneralName[]::new);
        return build(
                new JcaX509v3CertificateBuilder(issuer, serial(), notBefore(), notAfter(), subject, keys.getPublic()),
                issuerKey,
                (builder, utils) -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
                    builder.addExtension(
                            Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
                    builder.addExtension(
                            Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
                });
    }

    /** PEM text of certificates ({@code BEGIN CERTIFICATE}) or of one private key ({@code BEGIN PRIVATE KEY}). */
    static byte[] pem(List<?> objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PEM encoding failed", e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder, JcaX509ExtensionUtils utils)
                throws CertIOException, GeneralSecurityException;
    }

    private static X509Certificate build(
            X509v3CertificateBuilder builder, PrivateKey signingKey, Extensions extensions) {
        try {
            extensions.add(builder, new JcaX509ExtensionUtils());
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signingKey)));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue a certificate: " + e.getMessage(), e);
        }
    }

    /** Positive, 127 random bits: unique per certificate, as browsers expect of an issuer. */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(BACKDATE));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(VALIDITY));
    }
}
