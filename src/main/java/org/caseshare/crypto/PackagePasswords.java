package org.caseshare.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passwords for secure-hub packages: generation (seven words from a bundled list of 8,192 = 91 bits,
 * easy to read out on the phone) and key derivation with Argon2id (RFC 9106, second recommended
 * option: m = 64 MiB, t = 3, p = 4; BouncyCastle's implementation). The password is never stored,
 * so the server alone cannot open a password-protected package.
 */
public final class PackagePasswords {

    static final int MEMORY_KIB = 64 * 1024;
    static final int ITERATIONS = 3;
    static final int PARALLELISM = 4;
    static final int WORDS = 7;

    private static final List<String> WORD_LIST = loadWords();
    private final SecureRandom random;

    public PackagePasswords(SecureRandom random) {
        this.random = random;
    }

    public PackagePasswords() {
        this(new SecureRandom());
    }

    /** Seven random words joined by hyphens, e.g. {@code otter-blaze-mango-…}; at least 91 bits. */
    public String generate() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < WORDS; i++) {
            if (i > 0) {
                password.append('-');
            }
            password.append(WORD_LIST.get(random.nextInt(WORD_LIST.size())));
        }
        return password.toString();
    }

    /** Bits of entropy of {@link #generate()}. */
    public static double entropyBits() {
        return WORDS * (Math.log(WORD_LIST.size()) / Math.log(2));
    }

    /** A new lock (fresh 16-byte salt, current parameters) for a package. */
    public PasswordLock newLock() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new PasswordLock(MEMORY_KIB, ITERATIONS, PARALLELISM, salt);
    }

    /** Derives the 256-bit password key. Costs about 64 MiB and a fraction of a second. */
    public static PasswordKey derive(char[] password, PasswordLock lock) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(lock.memoryKiB())
                .withIterations(lock.iterations())
                .withParallelism(lock.parallelism())
                .withSalt(lock.salt())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] key = new byte[32];
        generator.generateBytes(normalise(password), key);
        return new PasswordKey(key);
    }

    /** Surrounding spaces and letter case are forgiven when a password is read out and typed back. */
    private static char[] normalise(char[] password) {
        return new String(password).strip().toLowerCase(java.util.Locale.ROOT).toCharArray();
    }

    private static List<String> loadWords() {
        try (InputStream in = PackagePasswords.class.getResourceAsStream("/crypto/package-password-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("Word list missing");
            }
            List<String> words = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(w -> !w.isEmpty()).distinct().toList();
            if (words.size() < 8192) {
                throw new IllegalStateException("Word list too short: " + words.size());
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
