package org.caseshare.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up goes through the real file encryption and decryption (which fail loudly on any mistake). */
class CipherWarmUpTests {

    @Test
    void encryptsAndDecryptsTheAmountAskedFor() throws Exception {
        CipherWarmUp warmUp = new CipherWarmUp(new FileEncryption(FileEncryptionTests.newMasterKeyset()), 24);
        assertThat(warmUp.run(24L * 1024 * 1024)).isEqualTo(24L * 1024 * 1024);
    }

    @Test
    void zeroTurnsItOff() {
        CipherWarmUp off = new CipherWarmUp(new FileEncryption(FileEncryptionTests.newMasterKeyset()), 0);
        off.start();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("cipher-warm-up"));
    }
}
