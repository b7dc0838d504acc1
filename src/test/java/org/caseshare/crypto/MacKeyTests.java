package org.caseshare.crypto;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MacKeyTests {

    private static final byte[] DATA = "v1.account.nonce.1700000000".getBytes(StandardCharsets.UTF_8);

    @Test
    void aTagVerifiesOnlyForTheSameDataAndKey() throws Exception {
        MacKey key = MacKey.generate();
        byte[] tag = key.tag(DATA);

        assertThat(key.verify(tag, DATA)).isTrue();
        assertThat(key.verify(tag, "v1.other.nonce.1700000000".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(MacKey.generate().verify(tag, DATA)).as("another node's own random key").isFalse();
        tag[tag.length - 1] ^= 1;
        assertThat(key.verify(tag, DATA)).isFalse();
    }

    @Test
    void aStoredKeysetVerifiesTheSameTags() throws Exception {
        MacKey key = MacKey.generate();
        MacKey reloaded = MacKey.fromCleartextKeysetJson(key.toCleartextKeysetJson());
        assertThat(reloaded.verify(key.tag(DATA), DATA)).isTrue();
    }
}
