package org.caseshare.audit.merkle;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A log's commitment to its state: origin, tree size, root hash and the time it was made.
 *
 * <p>Its note text follows C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint) with exactly one
 * extension line carrying the time as whole seconds since the Unix epoch:
 *
 * <pre>
 * caseshare.example/audit
 * 8
 * XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
 * time 1767225600
 *
 * — caseshare.example/audit &lt;base64(4-byte key id || 64-byte Ed25519 signature)&gt;
 * </pre>
 *
 * The first four lines are the note text ({@link #noteText()}); signed, it becomes a C2SP signed
 * note ({@link SignedNote}): that text, a blank line, and one line {@code — <key name>
 * <base64(key id || signature)>} per signer. Parsing is strict: exactly these four lines, decimal
 * numbers without sign or leading zeros, canonical padded base64 of 32 bytes, and an origin with no
 * whitespace or control characters.
 */
public final class Checkpoint {

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    private static final String TIME_PREFIX = "time ";

    private final String origin;

    private final long size;

    private final byte[] rootHash;

    private final Instant timestamp;

    public Checkpoint(String origin, long size, byte[] rootHash, Instant timestamp) {
        this.origin = requireOrigin(origin);
        if (size < 0) {
            throw new MalformedCheckpointException("tree size must not be negative: " + size);
        }
        this.size = size;
        try {
            this.rootHash = MerkleHash.requireHash(rootHash, "root hash");
        }
        catch (IllegalArgumentException ex) {
            throw new MalformedCheckpointException(ex.getMessage());
        }
        if (timestamp == null || timestamp.getNano() != 0 || timestamp.isBefore(Instant.EPOCH)) {
            throw new MalformedCheckpointException(
                    "checkpoint time must be whole seconds since 1970, not " + timestamp
                            + " (use Instant.truncatedTo(ChronoUnit.SECONDS))");
        }
        this.timestamp = timestamp;
    }

    /** Parses checkpoint note text (without signatures). */
    public static Checkpoint fromNoteText(String text) {
        SignedNote.requireText(text);
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != 4) {
            throw new MalformedCheckpointException("checkpoint must have 4 lines (origin, size, root hash, time), not "
                    + lines.length);
        }
        long size = parseDecimal(lines[1], "tree size");
        byte[] root = SignedNote.decodeBase64(lines[2], "root hash");
        if (!lines[3].startsWith(TIME_PREFIX)) {
            throw new MalformedCheckpointException("fourth line must be 'time <seconds since epoch>': '" + lines[3] + "'");
        }
        long seconds = parseDecimal(lines[3].substring(TIME_PREFIX.length()), "time");
        Instant timestamp;
        try {
            timestamp = Instant.ofEpochSecond(seconds);
        }
        catch (DateTimeException ex) {
            throw new MalformedCheckpointException("time " + seconds + " is out of range");
        }
        return new Checkpoint(lines[0], size, root, timestamp);
    }

    /**
     * Parses a signed checkpoint and returns it only if {@code verifier}'s key validly signed it.
     * Other signatures (witnesses, older keys) are allowed and ignored.
     */
    public static Checkpoint open(String signedNote, CheckpointVerifier verifier) {
        SignedNote note = SignedNote.parse(signedNote);
        note.verify(verifier);
        return fromNoteText(note.text());
    }

    /** The checkpoint note text: four lines, each ending with a newline. */
    public String noteText() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + TIME_PREFIX
                + timestamp.getEpochSecond() + "\n";
    }

    /** The signed note text: {@link #noteText()}, a blank line and one signature line per signer. */
    public String sign(CheckpointSigner signer, CheckpointSigner... cosigners) {
        List<CheckpointSigner> signers = new ArrayList<>();
        signers.add(signer);
        signers.addAll(List.of(cosigners));
        return SignedNote.sign(noteText(), signers).encode();
    }

    public String origin() {
        return origin;
    }

    public long size() {
        return size;
    }

    public byte[] rootHash() {
        return rootHash.clone();
    }

    public Instant timestamp() {
        return timestamp;
    }

    private static String requireOrigin(String origin) {
        if (origin == null || origin.isEmpty()) {
            throw new MalformedCheckpointException("origin must not be empty");
        }
        for (int i = 0; i < origin.length(); i++) {
            char c = origin.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw new MalformedCheckpointException(
                        "origin '" + origin + "' must not contain whitespace or control characters");
            }
        }
        return origin;
    }

    private static long parseDecimal(String value, String what) {
        if (!DECIMAL.matcher(value).matches()) {
            throw new MalformedCheckpointException(
                    what + " must be a decimal number without sign or leading zeros: '" + value + "'");
        }
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException ex) {
            throw new MalformedCheckpointException(what + " is too large: " + value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && timestamp.equals(that.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), timestamp);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root " + MerkleHash.hex(rootHash) + ", " + timestamp + "]";
    }

}
