package org.caseshare.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PasswordGeneratorTests {

    private final PasswordGenerator generator = new PasswordGenerator();

    @Test
    void theWordsAloneCarryAtLeast80Bits() {
        assertThat(PasswordGenerator.listSize()).isEqualTo(4096);
        assertThat(PasswordGenerator.wordEntropyBits())
                .isEqualTo(PasswordGenerator.WORDS * Math.log(PasswordGenerator.listSize()) / Math.log(2))
                .isGreaterThanOrEqualTo(80.0)
                .isEqualTo(84.0);
        assertThat(PasswordGenerator.entropyBits()).isGreaterThan(97.0);
    }

    @Test
    void noPasswordRepeatsOverTenThousandDraws() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(new String(generator.generate()))).isTrue();
        }
    }

    @Test
    void passwordsHaveTheReadableShapeAndOnlyAllowedCharacters() {
        for (int i = 0; i < 1_000; i++) {
            String password = new String(generator.generate());
            assertThat(password).matches("[A-Z][a-z]{3,6}(-[a-z]{4,7}){6}-[0-9]{4}");
            assertThat(password.length()).isBetween(EncryptedArchive.MIN_PASSWORD_LENGTH, 60);
        }
    }

    @Test
    void everyWordComesFromTheListAndTheListIsUsedEvenly() {
        SecureRandom seeded = seeded();
        PasswordGenerator predictable = new PasswordGenerator(seeded);
        Set<String> list = Set.copyOf(WordList.load());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String[] parts = new String(predictable.generate()).toLowerCase().split("-");
            for (int w = 0; w < PasswordGenerator.WORDS; w++) {
                assertThat(list).contains(parts[w]);
                used.add(parts[w]);
            }
        }
        // 35,000 draws from 4,096 words leave about 4096 × e^(-8.5) ≈ 1 unused; a biased draw leaves many.
        assertThat(used.size()).isGreaterThan(4_080);
    }

    @Test
    void theRandomSourceDecidesThePassword() {
        assertThat(new PasswordGenerator(seeded()).generate()).isEqualTo(new PasswordGenerator(seeded()).generate());
    }

    private static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(42L);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
