package org.caseshare.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * The stored scheme-1 vector: a master keyset, wrapped keys and ciphertexts written once. Run
 * {@code main} only to create a vector for a NEW scheme; never regenerate an existing one.
 */
final class KnownAnswerVector {

    static final String PLAINTEXT = "Caseshare secure hub known-answer vector, scheme 1.\n".repeat(3000);
    static final String NAME = "Référence — ‮fdp.exe";
    static final String PASSWORD = "otter-blaze-mango-quill-fjord-ember-lunar";
    static final String RESOURCE = "/crypto/file-encryption-v1.txt";

    private KnownAnswerVector() {
    }

    static FileEncryptionTests.Properties load() throws IOException {
        try (InputStream in = KnownAnswerVector.class.getResourceAsStream(RESOURCE)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            Base64.Decoder b64 = Base64.getDecoder();
            return new FileEncryptionTests.Properties(new String(b64.decode(lines[0]), StandardCharsets.UTF_8),
                    new FileContext(UUID.fromString(lines[1]), UUID.fromString(lines[2]), UUID.fromString(lines[3])),
                    lines[4], b64.decode(lines[5]), lines[6], lines[7], lines[8], b64.decode(lines[9]));
        }
    }

    public static void main(String[] args) throws Exception {
        AeadConfig.register();
        String master = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        FileEncryption fe = new FileEncryption(new MasterKeyset(new CryptoProperties(null, master)));
        FileContext context = new FileContext(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        WrappedKey key = fe.newKey(context);
        byte[] blob = encrypt(fe, key, context);
        PasswordLock lock = new PackagePasswords().newLock();
        WrappedKey lockedSource = fe.newKey(context);
        byte[] lockedBlob = encrypt(fe, lockedSource, context);
        WrappedKey locked;
        try (PasswordKey pk = PackagePasswords.derive(PASSWORD.toCharArray(), lock)) {
            locked = fe.lockWithPassword(lockedSource, context, pk);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        String text = String.join("\n", b64.encodeToString(master.getBytes(StandardCharsets.UTF_8)),
                context.organisationId().toString(), context.packageId().toString(), context.fileId().toString(),
                key.encoded(), b64.encodeToString(blob), fe.sealName(NAME, key, context),
                lock.encoded(), locked.encoded(), b64.encodeToString(lockedBlob)) + "\n";
        Files.writeString(Path.of(args[0]), text);
    }

    private static byte[] encrypt(FileEncryption fe, WrappedKey key, FileContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = fe.encryptingStream(out, key, context)) {
            enc.write(PLAINTEXT.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
