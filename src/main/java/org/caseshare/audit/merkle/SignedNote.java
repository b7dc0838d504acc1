package org.caseshare.audit.merkle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A C2SP signed note (https://c2sp.org/signed-note): text ending in a newline, a blank line, then
 * one or more lines {@code — <key name> <base64(4-byte key id || signature)>}. The signature
 * covers the UTF-8 bytes of the text, final newline included.
 *
 * <p>Parsing is strict: valid UTF-8, no control characters but newline, canonical padded base64,
 * no duplicate key, at most {@value #MAX_SIGNATURES} signatures. Anything else is refused before a
 * signature is even looked at.
 */
public final class SignedNote {

    static final int MAX_SIGNATURES = 100;

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private final String text;

    private final List<NoteSignature> signatures;

    private SignedNote(String text, List<NoteSignature> signatures) {
        this.text = text;
        this.signatures = List.copyOf(signatures);
    }

    /** Signs {@code text} with each signer in turn. */
    public static SignedNote sign(String text, List<CheckpointSigner> signers) {
        requireText(text);
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("a signed note needs at least one signer");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> signatures = new ArrayList<>();
        for (CheckpointSigner signer : signers) {
            signatures.add(new NoteSignature(signer.keyName(), signer.keyId(), signer.sign(message.clone())));
        }
        return new SignedNote(text, requireDistinctKeys(signatures));
    }

    /** Parses the bytes of a signed note, refusing anything that is not valid UTF-8. */
    public static SignedNote parse(byte[] message) {
        try {
            return parse(StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(message))
                .toString());
        }
        catch (CharacterCodingException ex) {
            throw new MalformedCheckpointException("signed note is not valid UTF-8");
        }
    }

    /** Parses a signed note; does not check any signature (see {@link #verify}). */
    public static SignedNote parse(String message) {
        if (message == null || message.isEmpty()) {
            throw new MalformedCheckpointException("signed note is empty");
        }
        requireNoControlCharacters(message);
        if (!message.endsWith("\n")) {
            throw new MalformedCheckpointException("signed note must end with a newline");
        }
        int split = message.lastIndexOf("\n\n");
        if (split < 0) {
            throw new MalformedCheckpointException(
                    "signed note has no blank line between its text and its signatures");
        }
        String text = message.substring(0, split + 1);
        String block = message.substring(split + 2);
        if (block.isEmpty()) {
            throw new MalformedCheckpointException("signed note has no signature lines");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            signatures.add(parseSignatureLine(line));
            if (signatures.size() > MAX_SIGNATURES) {
                throw new MalformedCheckpointException(
                        "signed note has more than " + MAX_SIGNATURES + " signatures");
            }
        }
        return new SignedNote(text, requireDistinctKeys(signatures));
    }

    private static NoteSignature parseSignatureLine(String line) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new MalformedCheckpointException(
                    "signature line must start with an em dash and a space: '" + line + "'");
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space <= 0) {
            throw new MalformedCheckpointException("signature line must be '— <key name> <base64>': '" + line + "'");
        }
        String keyName = NoteSignature.requireKeyName(rest.substring(0, space));
        byte[] blob = decodeBase64(rest.substring(space + 1), "signature by " + keyName);
        return NoteSignature.fromKeyIdAndSignature(keyName, blob);
    }

    /**
     * Throws {@link CheckpointVerificationException} unless the note carries a signature with the
     * verifier's key name and key id and that signature is valid.
     */
    public void verify(CheckpointVerifier verifier) {
        NoteSignature signature = signatures.stream()
            .filter(s -> s.isBy(verifier))
            .findFirst()
            .orElseThrow(() -> new CheckpointVerificationException("note is not signed by the trusted key "
                    + verifier.keyName() + "+" + String.format("%08x", verifier.keyId())));
        if (!verifier.verify(text.getBytes(StandardCharsets.UTF_8), signature.signature())) {
            throw new CheckpointVerificationException("signature by " + verifier.keyName()
                    + " does not verify: the note was altered or the signature forged");
        }
    }

    /** The signed text, ending with a newline. */
    public String text() {
        return text;
    }

    public List<NoteSignature> signatures() {
        return signatures;
    }

    /** The note as sent: text, blank line, signature lines. */
    public String encode() {
        StringBuilder out = new StringBuilder(text).append('\n');
        Base64.Encoder base64 = Base64.getEncoder();
        for (NoteSignature signature : signatures) {
            out.append(SIGNATURE_PREFIX)
                .append(signature.keyName())
                .append(' ')
                .append(base64.encodeToString(signature.keyIdAndSignature()))
                .append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return encode();
    }

    static void requireText(String text) {
        if (text == null || text.isEmpty()) {
            throw new MalformedCheckpointException("note text must not be empty");
        }
        if (!text.endsWith("\n")) {
            throw new MalformedCheckpointException("note text must end with a newline");
        }
        requireNoControlCharacters(text);
    }

    private static void requireNoControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && Character.isISOControl(c)) {
                throw new MalformedCheckpointException(String.format(
                        "note contains control character U+%04X at offset %d (only newline is allowed)", (int) c, i));
            }
        }
    }

    /** Strict base64: the standard alphabet with padding, and only the one canonical spelling. */
    static byte[] decodeBase64(String encoded, String what) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        }
        catch (IllegalArgumentException ex) {
            throw new MalformedCheckpointException(what + " is not valid base64: " + ex.getMessage());
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(encoded)) {
            throw new MalformedCheckpointException(what + " is not canonical padded base64");
        }
        return decoded;
    }

    private static List<NoteSignature> requireDistinctKeys(List<NoteSignature> signatures) {
        Set<String> seen = new HashSet<>();
        for (NoteSignature signature : signatures) {
            if (!seen.add(signature.keyName() + "+" + signature.keyIdHex())) {
                throw new MalformedCheckpointException(
                        "note is signed twice by the key " + signature.keyName() + "+" + signature.keyIdHex());
            }
        }
        return signatures;
    }

}
