package org.caseshare.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;

import org.caseshare.crypto.AuditVerifyingKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The signed-note layer, checked against the example note of Go's golang.org/x/mod/sumdb/note. */
class SignedNoteTests {

    static final String GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    static final String GO_NOTE = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n" + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    static CheckpointVerifier goVerifier() throws GeneralSecurityException {
        AuditVerifyingKey key = AuditVerifyingKey.parse(GO_VERIFIER_KEY);
        return CheckpointVerifier.of(key.keyName(), key.keyId(), key::verify);
    }

    @Test
    void opensTheGoExampleNote() throws GeneralSecurityException {
        SignedNote note = SignedNote.parse(GO_NOTE);
        note.verify(goVerifier());
        assertThat(note.text()).startsWith("If you think").endsWith("problem is.\n");
        assertThat(note.signatures()).hasSize(1);
        assertThat(note.signatures().get(0).keyName()).isEqualTo("PeterNeumann");
        assertThat(note.signatures().get(0).keyIdHex()).isEqualTo("c74f20a3");
        assertThat(note.encode()).isEqualTo(GO_NOTE);
        assertThat(SignedNote.parse(GO_NOTE.getBytes(StandardCharsets.UTF_8)).encode()).isEqualTo(GO_NOTE);
    }

    @Test
    void aChangedWordBreaksTheGoSignature() {
        SignedNote note = SignedNote.parse(GO_NOTE.replace("answer", "Answer"));
        assertThatThrownBy(() -> note.verify(goVerifier())).isInstanceOf(CheckpointVerificationException.class);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = { "", "text\n", "text\n\n", "text\n\n\u2014 PeterNeumann x08go/Z!\n",
            "text\n\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "text\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
            "text\n\n\u2014 PeterNeumannx08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "text\n\n\u2014  x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "text\n\n\u2014 Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "text\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n",
            "text\n\n\u2014 PeterNeumann AAAA\n",
            "text\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
                    + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "text\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\ntrailing\n",
            "te\txt\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "text\r\n\r\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\r\n" })
    void malformedNotesAreRefused(String message) {
        assertThatThrownBy(() -> SignedNote.parse(message)).isInstanceOf(MalformedCheckpointException.class);
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] bytes = GO_NOTE.getBytes(StandardCharsets.UTF_8);
        bytes[3] = (byte) 0xff;
        assertThatThrownBy(() -> SignedNote.parse(bytes)).isInstanceOf(MalformedCheckpointException.class)
            .hasMessageContaining("UTF-8");
    }

    @Test
    void moreThanAHundredSignaturesAreRefused() {
        StringBuilder note = new StringBuilder("text\n\n");
        for (int i = 0; i <= SignedNote.MAX_SIGNATURES; i++) {
            note.append("\u2014 key").append(i).append(" AAAAAAA=\n");
        }
        assertThatThrownBy(() -> SignedNote.parse(note.toString())).isInstanceOf(MalformedCheckpointException.class)
            .hasMessageContaining("more than 100");
    }

    @Test
    void signingNeedsTextEndingInANewlineAndASigner() {
        CheckpointSigner signer = CheckpointSigner.of("k", 1, message -> new byte[64]);
        assertThatThrownBy(() -> SignedNote.sign("no newline", List.of(signer)))
            .isInstanceOf(MalformedCheckpointException.class);
        assertThatThrownBy(() -> SignedNote.sign("text\n", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointSigner.of("bad name", 1, message -> message))
            .isInstanceOf(MalformedCheckpointException.class);
    }

}
