package org.caseshare.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.caseshare.audit.merkle.Checkpoint;
import org.caseshare.audit.merkle.MerkleTreeBuilder;
import org.caseshare.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs checkpoints of the trail and keeps them: one row per tree size in {@code audit_checkpoint},
 * and one text file per checkpoint in the checkpoint directory, outside the database.
 */
@Service
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final JdbcClient jdbc;
    private final AuditEntries entries;
    private final AuditKeys keys;
    private final AuditProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final AuditSequencer sequencer;
    private final BlobStore blobs;

    AuditCheckpoints(JdbcClient jdbc, AuditEntries entries, AuditKeys keys, AuditProperties properties, Clock clock,
            TransactionTemplate transactions, AuditSequencer sequencer, BlobStore blobs) {
        this.blobs = blobs;
        this.sequencer = sequencer;
        this.jdbc = jdbc;
        this.entries = entries;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Signs a checkpoint of every entry committed so far (sequencing what waits first, where this
     * node may), stores and exports it. Empty when there is nothing new since the latest checkpoint,
     * or another node has just signed the same size.
     */
    public Optional<AuditCheckpoint> checkpointNow() {
        sequencer.sequencePending();
        Optional<AuditCheckpoint> written;
        try {
            written = transactions.execute(status -> sign());
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return Optional.empty();
        }
        written.ifPresent(this::export);
        return written;
    }

    private Optional<AuditCheckpoint> sign() {
        // Every entry up to the committed head is itself committed: the sequencer inserts a batch and
        // moves the head in one transaction.
        long last = entries.lastSeq();
        Resumed previous = resume(last);
        if (previous.builder.size() == last && previous.exists) {
            return Optional.empty();
        }
        MerkleTreeBuilder builder = previous.builder;
        while (builder.size() < last) {
            List<AuditEntry> page = entries.after(builder.size(), (int) Math.min(AuditEntries.PAGE, last - builder.size()));
            for (AuditEntry entry : page) {
                if (entry.seq() != builder.size() + 1) {
                    throw new IllegalStateException("audit entry " + (builder.size() + 1)
                            + " is missing; run 'audit verify' before signing anything more");
                }
                builder.appendEntry(AuditLeaf.encode(entry));
            }
            if (page.isEmpty()) {
                throw new IllegalStateException("audit entries after " + builder.size() + " are missing");
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] root = builder.root();
        String note = new Checkpoint(keys.origin(), last, root, now).sign(keys.signer());
        jdbc.sql("insert into audit_checkpoint (tree_size, root_hash, created_at, signed_note, frontier) values (?, ?, ?, ?, ?)")
                .params(last, Base64.getEncoder().encodeToString(root), Timestamp.from(now), note, frontier(builder))
                .update();
        return Optional.of(new AuditCheckpoint(last, root, now, note));
    }

    private record Resumed(MerkleTreeBuilder builder, boolean exists) {
    }

    /** The tree at the latest checkpoint not beyond {@code last}, from its stored frontier. */
    private Resumed resume(long last) {
        var row = jdbc.sql("select tree_size, root_hash, frontier from audit_checkpoint where tree_size <= ? order by tree_size desc limit 1")
                .param(last)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).optional();
        if (row.isEmpty()) {
            return new Resumed(new MerkleTreeBuilder(), false);
        }
        long size = (Long) row.get()[0];
        try {
            List<byte[]> hashes = new ArrayList<>();
            for (String hash : ((String) row.get()[2]).split(" ")) {
                if (!hash.isEmpty()) {
                    hashes.add(Base64.getDecoder().decode(hash));
                }
            }
            MerkleTreeBuilder builder = MerkleTreeBuilder.resume(size, hashes);
            // A frontier that does not give the stored root was altered: start again from the entries.
            if (Arrays.equals(builder.root(), Base64.getDecoder().decode((String) row.get()[1]))) {
                return new Resumed(builder, true);
            }
        } catch (IllegalArgumentException unreadable) {
            // fall through to a full rebuild
        }
        log.warn("The stored frontier of audit checkpoint {} does not match its root; rebuilding the tree from the entries", size);
        return new Resumed(new MerkleTreeBuilder(), false);
    }

    private static String frontier(MerkleTreeBuilder builder) {
        StringBuilder text = new StringBuilder();
        for (byte[] hash : builder.frontier()) {
            text.append(text.isEmpty() ? "" : " ").append(Base64.getEncoder().encodeToString(hash));
        }
        return text.toString();
    }

    public Optional<AuditCheckpoint> latest() {
        return jdbc.sql("select * from audit_checkpoint order by tree_size desc limit 1").query(AuditCheckpoints::map).optional();
    }

    public Optional<AuditCheckpoint> at(long treeSize) {
        return jdbc.sql("select * from audit_checkpoint where tree_size = ?").param(treeSize).query(AuditCheckpoints::map).optional();
    }

    /** Every stored checkpoint, smallest first (one per thousand entries by default: small). */
    public List<AuditCheckpoint> all() {
        return jdbc.sql("select * from audit_checkpoint order by tree_size").query(AuditCheckpoints::map).list();
    }

    /** Writes every stored checkpoint to {@code dir}; returns how many. */
    public int exportAll(Path dir) {
        List<AuditCheckpoint> all = all();
        all.forEach(checkpoint -> write(dir, checkpoint));
        return all.size();
    }

    /**
     * Puts the signed note in the blob store (the S3 bucket when configured), where an auditor, and
     * every node, finds it under {@link #blobKey}. A failure costs nothing: the checkpoint is stored
     * and signed in the database, and the next checkpoint, or 'audit export', writes the file.
     */
    private void export(AuditCheckpoint checkpoint) {
        try {
            blobs.put(blobKey(checkpoint), new ByteArrayInputStream(checkpoint.signedNote().getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            log.error("Could not put audit checkpoint {} in the blob store: {}", checkpoint.treeSize(), e.getMessage());
        }
    }

    /** {@code audit/checkpoints/checkpoint-000000001000}: sorted by name is sorted by size. */
    static String blobKey(AuditCheckpoint checkpoint) {
        return "audit/checkpoints/" + checkpoint.fileName().replace(".txt", "");
    }

    private static void write(Path dir, AuditCheckpoint checkpoint) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".checkpoint", ".tmp");
            try {
                Files.writeString(tmp, checkpoint.signedNote());
                Files.move(tmp, dir.resolve(checkpoint.fileName()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + checkpoint.fileName() + " to " + dir, e);
        }
    }

    private static AuditCheckpoint map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditCheckpoint(rs.getLong("tree_size"), Base64.getDecoder().decode(rs.getString("root_hash")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("signed_note"));
    }
}
