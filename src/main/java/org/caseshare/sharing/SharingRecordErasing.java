package org.caseshare.sharing;

import java.util.UUID;

/**
 * A register record is about to be deleted under retention or erasure. Published synchronously in
 * the deleting transaction, so a module that keeps rows about the record (channels) removes them
 * in the same transaction: the record's deletion and theirs commit or roll back together.
 */
public record SharingRecordErasing(UUID organisationId, UUID recordId) {
}
