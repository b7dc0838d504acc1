package org.caseshare.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption of files for the secure hub.
 *
 * <p>Each file has its own data key: a Tink StreamingAead keyset (AES-256-GCM-HKDF, 64 KiB
 * segments, each segment authenticated before any of its bytes are released; truncation and
 * reordering are detected). The data keyset is wrapped by {@link KeyWrapping} (the master
 * key-encryption keyset, or a KMS later) and, for password-protected packages, first by a key
 * derived from the password. Associated data binds organisation, package, file and scheme version
 * to the wrapped key, the content and the file name.
 *
 * <p>Stored blob: {@code "CSHB"} magic, one scheme-version byte, then Tink's streaming ciphertext
 * (whose own header carries a random salt and nonce prefix). The five header bytes are part of the
 * associated data.
 */
@Component
public class FileEncryption {

    static final int SCHEME = 1;
    static final byte[] MAGIC = {'C', 'S', 'H', 'B'};
    static final int HEADER_LENGTH = MAGIC.length + 1;
    private static final String NAME_PREFIX = "fn1:";
    /** Largest slice handed to a cipher at once (the cold-JVM AES-GCM trap; see STACK.md). */
    static final int SLICE = 16 * 1024;

    static final AesGcmHkdfStreamingParameters DATA_KEY_PARAMETERS;

    static {
        try {
            StreamingAeadConfig.register();
            DATA_KEY_PARAMETERS = AesGcmHkdfStreamingParameters.builder()
                    .setKeySizeBytes(32)
                    .setDerivedAesGcmKeySizeBytes(32)
                    .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                    .setCiphertextSegmentSizeBytes(64 * 1024)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeyWrapping wrapping;

    public FileEncryption(KeyWrapping wrapping) {
        this.wrapping = wrapping;
    }

    /** A fresh data key for one file, wrapped for storage. */
    public WrappedKey newKey(FileContext context) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(DATA_KEY_PARAMETERS);
            byte[] plain = TinkProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
            try {
                return WrappedKey.of(false, wrapping.wrap(plain, context.associatedData("data-key", SCHEME, new byte[0])));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a data key", e);
        }
    }

    /**
     * Adds the password layer to a file's data key: the result opens only with the password's key
     * and the key-encryption key together.
     */
    public WrappedKey lockWithPassword(WrappedKey key, FileContext context, PasswordKey passwordKey) {
        if (key.passwordLocked()) {
            throw new IllegalArgumentException("Already password protected");
        }
        byte[] plain = unwrapKeyset(key, context, null);
        try {
            byte[] inner = passwordKey.aead().encrypt(plain, context.associatedData("data-key-password", SCHEME, new byte[0]));
            return WrappedKey.of(true, wrapping.wrap(inner, context.associatedData("data-key", SCHEME, new byte[] {1})));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot add the password layer", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * The same data key wrapped again under the key-encryption keyset's current primary key. Only the
     * outer layer changes: a password layer stays as it is, so no password is needed, and the file's
     * content and name, sealed under the data key itself, are untouched.
     */
    WrappedKey rewrap(WrappedKey key, FileContext context) {
        byte[] ad = context.associatedData("data-key", SCHEME, key.passwordLocked() ? new byte[] {1} : new byte[0]);
        byte[] inner = wrapping.unwrap(key.bytes(), ad);
        try {
            return WrappedKey.of(key.passwordLocked(), wrapping.wrap(inner, ad));
        } finally {
            Arrays.fill(inner, (byte) 0);
        }
    }

    /** The id of the key-encryption key that wrapped this data key, or -1 when it names none. */
    static long keyIdOf(WrappedKey key) {
        return MasterKeyset.keyIdOf(key.bytes());
    }

    /**
     * Encrypts what is written to the returned stream into {@code out}, header first. Closing the
     * returned stream writes the final segment and closes {@code out}. Never buffers more than one
     * segment. Works only for keys without a password layer (files are encrypted before a package
     * is locked).
     */
    public OutputStream encryptingStream(OutputStream out, WrappedKey key, FileContext context) throws IOException {
        if (key.passwordLocked()) {
            throw new IllegalArgumentException("Encrypt before adding the password layer");
        }
        StreamingAead aead = streamingAead(key, context, null);
        byte[] header = header();
        out.write(header);
        try {
            return new SlicingOutputStream(aead.newEncryptingStream(out, contentAd(context, header)));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot start encrypting", e);
        }
    }

    /**
     * Decrypts {@code in}. Each segment is authenticated before any of its plaintext is returned,
     * and the first one before this method returns, so a damaged start is reported before the
     * caller has sent anything. Tampering, truncation, reordering or a blob from another file raise
     * a {@link ContentAuthenticationException} (never partial plaintext of the bad segment); a
     * plain {@link IOException} means the storage could not be read.
     *
     * @param passwordKey the package password's key, or null when the key has no password layer
     * @throws KeyAuthenticationException when the data key cannot be unwrapped (wrong password,
     *                                    altered or moved key)
     */
    public InputStream decryptingStream(InputStream in, WrappedKey key, FileContext context, PasswordKey passwordKey)
            throws IOException {
        StreamingAead aead = streamingAead(key, context, passwordKey);
        DecryptedStream.Source source = new DecryptedStream.Source(in);
        try {
            byte[] header = source.readNBytes(HEADER_LENGTH);
            if (header.length != HEADER_LENGTH || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
                throw new ContentAuthenticationException("Not a Caseshare encrypted file");
            }
            if (header[MAGIC.length] != SCHEME) {
                throw new ContentAuthenticationException("Unknown encrypted-file scheme " + header[MAGIC.length]);
            }
            try {
                return DecryptedStream.opened(aead.newDecryptingStream(source, contentAd(context, header)), source);
            } catch (GeneralSecurityException e) {
                throw new ContentAuthenticationException("Cannot start decrypting", e);
            }
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** Encrypts a file name under the file's own data key (so it is shredded with the file). */
    public String sealName(String name, WrappedKey key, FileContext context) {
        StreamingAead aead = streamingAead(key, context, null);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = aead.newEncryptingStream(sealed, context.associatedData("file-name", SCHEME, new byte[0]))) {
            out.write(name.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a file name", e);
        }
        return NAME_PREFIX + Base64.getEncoder().encodeToString(sealed.toByteArray());
    }

    public String openName(String sealed, WrappedKey key, FileContext context, PasswordKey passwordKey) {
        if (sealed == null || !sealed.startsWith(NAME_PREFIX)) {
            throw new IllegalArgumentException("Unknown sealed-name scheme");
        }
        StreamingAead aead = streamingAead(key, context, passwordKey);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(NAME_PREFIX.length()));
        try (InputStream in = aead.newDecryptingStream(new ByteArrayInputStream(bytes),
                context.associatedData("file-name", SCHEME, new byte[0]))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyAuthenticationException("A file name failed authentication", e);
        }
    }

    private StreamingAead streamingAead(WrappedKey key, FileContext context, PasswordKey passwordKey) {
        byte[] plain = unwrapKeyset(key, context, passwordKey);
        try {
            KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(plain, InsecureSecretKeyAccess.get());
            return handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        } catch (GeneralSecurityException e) {
            throw new KeyAuthenticationException("A data key is unusable", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private byte[] unwrapKeyset(WrappedKey key, FileContext context, PasswordKey passwordKey) {
        if (!key.passwordLocked()) {
            return wrapping.unwrap(key.bytes(), context.associatedData("data-key", SCHEME, new byte[0]));
        }
        if (passwordKey == null) {
            throw new KeyAuthenticationException("This file needs the package password");
        }
        byte[] inner = wrapping.unwrap(key.bytes(), context.associatedData("data-key", SCHEME, new byte[] {1}));
        try {
            return passwordKey.aead().decrypt(inner, context.associatedData("data-key-password", SCHEME, new byte[0]));
        } catch (GeneralSecurityException e) {
            throw new KeyAuthenticationException("Wrong password", e);
        } finally {
            Arrays.fill(inner, (byte) 0);
        }
    }

    private static byte[] header() {
        byte[] header = Arrays.copyOf(MAGIC, HEADER_LENGTH);
        header[MAGIC.length] = SCHEME;
        return header;
    }

    private static byte[] contentAd(FileContext context, byte[] header) {
        return context.associatedData("file-content", SCHEME, header);
    }

    /** Hands the cipher at most {@link #SLICE} bytes per call, whatever size the caller writes. */
    private static final class SlicingOutputStream extends FilterOutputStream {

        SlicingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, SLICE);
                out.write(b, off, n);
                off += n;
                len -= n;
            }
        }
    }
}
