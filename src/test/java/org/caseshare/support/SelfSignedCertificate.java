package org.caseshare.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate for {@code localhost} and 127.0.0.1, made by the JDK's own keytool, so that a test
 * can put TLS in front of the service (as every real installation has) without a Debian package or
 * a certificate authority. The Java client trusts it through {@link #sslContext()}; Chromium through
 * {@link #chromiumArgument()}, which pins its public key rather than ignoring every error (Chromium
 * refuses passkeys on a page whose certificate is merely ignored).
 */
public final class SelfSignedCertificate {

    private static final char[] STORE_PASSWORD = "test-only".toCharArray();

    private final X509Certificate certificate;
    private final Path pem;

    private SelfSignedCertificate(X509Certificate certificate, Path pem) {
        this.certificate = certificate;
        this.pem = pem;
    }

    /** Makes the key pair and certificate in {@code folder}; the PEM bundle holds both, as HAProxy wants. */
    public static SelfSignedCertificate create(Path folder) throws Exception {
        Files.createDirectories(folder);
        Path store = folder.resolve("localhost.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "localhost", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", new String(STORE_PASSWORD)))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make a certificate: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, STORE_PASSWORD);
        }
        X509Certificate certificate = (X509Certificate) keyStore.getCertificate("localhost");
        PrivateKey key = (PrivateKey) keyStore.getKey("localhost", STORE_PASSWORD);
        Path pem = folder.resolve("localhost.pem");
        Files.writeString(pem, pem("CERTIFICATE", certificate.getEncoded()) + pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
        return new SelfSignedCertificate(certificate, pem);
    }

    /** Certificate and private key, PEM. */
    public Path pemBundle() {
        return pem;
    }

    /** A TLS context that trusts this certificate and nothing else. */
    public SSLContext sslContext() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("localhost", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** Chromium's switch that accepts this one public key (SHA-256 of its SubjectPublicKeyInfo). */
    public String chromiumArgument() throws Exception {
        byte[] spki = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
        return "--ignore-certificate-errors-spki-list=" + Base64.getEncoder().encodeToString(spki);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
