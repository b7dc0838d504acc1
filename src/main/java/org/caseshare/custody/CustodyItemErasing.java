package org.caseshare.custody;

import java.util.UUID;

/**
 * A custody item is about to be deleted under retention or erasure. Published synchronously in the
 * deleting transaction, so a module that refers to the item (incidents) lets go of it in the same
 * transaction: the item's deletion and theirs commit or roll back together.
 */
public record CustodyItemErasing(UUID organisationId, UUID itemId) {
}
