package org.caseshare.crypto;

import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotates the key-encryption key in Tink's safe order (docs/adr/0016-key-rotation.md): add a new key
 * that is not yet primary, so every node can load it; make it primary; re-seal every sealed value a
 * batch at a time, each batch its own short transaction; then disable, and later delete, the old key
 * once nothing names it. Every step looks at the keyset and the data as they are, so running it again
 * after an interruption carries on where it stopped.
 *
 * <p>The keyset's order carries the state: a key after the primary is a new key not yet promoted, a
 * key before it an old one.
 */
@Service
public class KeyRotation {

    public static final int DEFAULT_BATCH = 200;

    private final MasterKeyset keyset;
    private final SecretBox secrets;
    private final FileEncryption files;
    private final List<SealedColumn> columns;
    private final JdbcClient jdbc;
    private final TransactionTemplate batch;
    private final List<KeyRetirementCheck> retirementChecks;

    KeyRotation(MasterKeyset keyset, SecretBox secrets, FileEncryption files, List<SealedColumn> columns, JdbcClient jdbc,
            PlatformTransactionManager transactions, List<KeyRetirementCheck> retirementChecks) {
        this.keyset = keyset;
        this.secrets = secrets;
        this.files = files;
        this.columns = List.copyOf(columns);
        this.jdbc = jdbc;
        this.batch = new TransactionTemplate(transactions);
        this.retirementChecks = List.copyOf(retirementChecks);
    }

    /** One key of the keyset. */
    public record Key(long id, boolean enabled, boolean primary) {
    }

    /** The keys, and how many sealed values of each kind name each key (id -1: a value that names none). */
    public record Status(List<Key> keys, Map<String, Map<Long, Long>> uses) {

        public long usesOf(long keyId) {
            return uses.values().stream().mapToLong(byKey -> byKey.getOrDefault(keyId, 0L)).sum();
        }
    }

    /** What one step did: the key it concerned, whether it changed anything, and a sentence for the operator. */
    public record Step(long keyId, boolean changed, String message) {
    }

    /** The outcome of re-sealing: how many values were looked at, re-sealed, and could not be opened. */
    public record Rewrap(long checked, long resealed, long failed) {
    }

    public List<Key> keys() {
        KeysetHandle handle = keyset.handle();
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry entry = handle.getAt(i);
            keys.add(new Key(entry.getId() & 0xffffffffL, entry.getStatus() == KeyStatus.ENABLED, entry.isPrimary()));
        }
        return keys;
    }

    public long primaryKeyId() {
        return keyset.primaryKeyId() & 0xffffffffL;
    }

    /** Counts every sealed value by the key it names (reads every sealed column once, a batch at a time). */
    public Status status() {
        Map<String, Map<Long, Long>> uses = new LinkedHashMap<>();
        for (SealedColumn column : columns) {
            Map<Long, Long> byKey = new TreeMap<>();
            String after = null;
            for (List<SealedColumn.Item> page = column.after(jdbc, null, DEFAULT_BATCH); !page.isEmpty();
                    page = column.after(jdbc, after, DEFAULT_BATCH)) {
                for (SealedColumn.Item item : page) {
                    byKey.merge(keyIdOf(item), 1L, Long::sum);
                }
                after = page.get(page.size() - 1).id();
            }
            uses.put(column.name(), byKey);
        }
        return new Status(keys(), uses);
    }

    /** Step 1: a new key, enabled but not primary. An earlier run's new key that was never promoted is reused. */
    public synchronized Step addKey() throws GeneralSecurityException {
        KeysetHandle handle = keyset.handle();
        int pending = pendingIndex(handle);
        if (pending >= 0) {
            return new Step(handle.getAt(pending).getId() & 0xffffffffL, false,
                    "A new key added earlier and not yet primary is used: " + hex(handle.getAt(pending).getId()));
        }
        int old = oldEnabledIndex(handle);
        if (old >= 0) {
            return new Step(primaryKeyId(), false, "A rotation is already under way: key " + hex(handle.getPrimary().getId())
                    + " is primary and the old key " + hex(handle.getAt(old).getId()) + " is still enabled; carrying on");
        }
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId());
        KeysetHandle added = builder.build();
        keyset.replace(added);
        int id = added.getAt(added.size() - 1).getId();
        return new Step(id & 0xffffffffL, true, "Added key " + hex(id) + " (not yet primary)");
    }

    /** Step 2: the new key becomes primary, so everything sealed from now on names it. */
    public synchronized Step promote() throws GeneralSecurityException {
        KeysetHandle handle = keyset.handle();
        int pending = pendingIndex(handle);
        if (pending < 0) {
            return new Step(primaryKeyId(), false, "Key " + hex(handle.getPrimary().getId()) + " is already primary");
        }
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        builder.getAt(pending).makePrimary();
        keyset.replace(builder.build());
        // The keyset's age (metrics' caseshare.keyset.age, the rotation alert) counts from here.
        jdbc.sql("update keyset_canary set created_at = ?").param(Timestamp.from(Instant.now())).update();
        return new Step(primaryKeyId(), true, "Key " + hex(keyset.primaryKeyId()) + " is now primary");
    }

    /**
     * Step 3: every sealed value that names another key is opened and sealed again under the primary
     * key, {@code batchSize} rows per transaction. A value changed meanwhile by the running service is
     * left as the service wrote it (it was sealed under the primary key then).
     */
    public Rewrap rewrap(int batchSize, Consumer<String> progress) {
        long checked = 0;
        long resealed = 0;
        long failed = 0;
        for (SealedColumn column : columns) {
            long[] counts = new long[3];
            String[] after = {null};
            while (true) {
                Integer read = batch.execute(status -> {
                    List<SealedColumn.Item> page = column.after(jdbc, after[0], batchSize);
                    long primary = primaryKeyId();
                    for (SealedColumn.Item item : page) {
                        counts[0]++;
                        if (keyIdOf(item) == primary) {
                            continue;
                        }
                        try {
                            if (column.replace(jdbc, item, reseal(item))) {
                                counts[1]++;
                            }
                        } catch (DataAccessException databaseFailed) {
                            // Not the value's fault: roll this batch back and stop; running again carries on.
                            throw databaseFailed;
                        } catch (RuntimeException cannotOpen) {
                            // Damaged, or sealed under a key this keyset no longer opens: counted and reported, not fatal.
                            counts[2]++;
                        }
                    }
                    after[0] = page.isEmpty() ? after[0] : page.get(page.size() - 1).id();
                    return page.size();
                });
                if (read == null || read == 0) {
                    break;
                }
                progress.accept(column.name() + ": " + counts[0] + " checked, " + counts[1] + " re-sealed"
                        + (counts[2] > 0 ? ", " + counts[2] + " could not be opened" : ""));
            }
            checked += counts[0];
            resealed += counts[1];
            failed += counts[2];
        }
        return new Rewrap(checked, resealed, failed);
    }

    /**
     * Step 4: old keys that nothing names any more are disabled (they stay in the keyset, so one can
     * be enabled again if something was missed); with {@code delete}, keys already disabled and still
     * unused are removed for good.
     */
    public synchronized List<Step> retire(boolean delete) throws GeneralSecurityException {
        KeysetHandle handle = keyset.handle();
        List<String> reasons = retirementChecks.stream().flatMap(check -> check.reasonToKeepOldKeys().stream()).toList();
        if (!reasons.isEmpty() && handle.size() > 1) {
            return List.of(new Step(-1, false, "Old keys stay enabled for now: " + String.join("; ", reasons)
                    + ". Run `keys retire` again once that is done."));
        }
        Status status = status();
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        List<Step> steps = new ArrayList<>();
        boolean changed = false;
        for (int i = handle.size() - 1; i >= 0; i--) {
            KeysetHandle.Entry entry = handle.getAt(i);
            long id = entry.getId() & 0xffffffffL;
            if (entry.isPrimary() || i > primaryIndex(handle)) {
                continue;
            }
            long uses = status.usesOf(id);
            if (uses > 0) {
                steps.add(new Step(id, false, "Key " + hex(entry.getId()) + " is still named by " + uses
                        + " sealed value(s); re-seal again (a node may still have been sealing with it) before it can be retired"));
            } else if (entry.getStatus() == KeyStatus.ENABLED) {
                builder.getAt(i).setStatus(KeyStatus.DISABLED);
                changed = true;
                steps.add(new Step(id, true, "Disabled key " + hex(entry.getId()) + ": nothing names it"));
            } else if (delete) {
                builder.deleteAt(i);
                changed = true;
                steps.add(new Step(id, true, "Deleted key " + hex(entry.getId()) + ": disabled and unused"));
            }
        }
        if (changed) {
            keyset.replace(builder.build());
        }
        return steps;
    }

    /** Whether the keyset comes from configuration text, so the operator must store each new version. */
    public boolean keysetFromConfiguration() {
        return keyset.store().fromConfiguration();
    }

    /** The keyset as it must be stored (encrypted under the KMS key when there is one). Secret unless encrypted. */
    public String keysetToStore() throws GeneralSecurityException {
        return keyset.store().serialize(keyset.handle());
    }

    /** Reads the keyset file again now if it changed (a node calls this on its schedule; tests call it directly). */
    public void reload() {
        keyset.reload();
    }

    private String reseal(SealedColumn.Item item) {
        if (item.sealing() instanceof SealedColumn.SecretBoxSealing box) {
            return secrets.reseal(item.value(), box.context());
        }
        return files.rewrap(new WrappedKey(item.value()), ((SealedColumn.FileKeySealing) item.sealing()).context()).encoded();
    }

    private static long keyIdOf(SealedColumn.Item item) {
        return item.sealing() instanceof SealedColumn.SecretBoxSealing ? SecretBox.keyIdOf(item.value())
                : FileEncryption.keyIdOf(new WrappedKey(item.value()));
    }

    private static int primaryIndex(KeysetHandle handle) {
        for (int i = 0; i < handle.size(); i++) {
            if (handle.getAt(i).isPrimary()) {
                return i;
            }
        }
        throw new IllegalStateException("The keyset has no primary key");
    }

    /** An enabled key before the primary: an old key a rotation has not yet retired, or -1. */
    private static int oldEnabledIndex(KeysetHandle handle) {
        for (int i = 0; i < primaryIndex(handle); i++) {
            if (handle.getAt(i).getStatus() == KeyStatus.ENABLED) {
                return i;
            }
        }
        return -1;
    }

    /** The last enabled key after the primary: one added and not yet promoted, or -1. */
    private static int pendingIndex(KeysetHandle handle) {
        for (int i = handle.size() - 1; i > primaryIndex(handle); i--) {
            if (handle.getAt(i).getStatus() == KeyStatus.ENABLED) {
                return i;
            }
        }
        return -1;
    }

    static String hex(long id) {
        return String.format("%08x", id & 0xffffffffL);
    }
}
