package org.caseshare.exchange;

import java.util.List;
import java.util.UUID;

import org.caseshare.system.MultiLine;

/**
 * What a sender fills in. {@code recipientEntryId} names the partner organisation in the sender's
 * directory; partner users sending back leave it null and address existing accounts.
 */
public record NewPackage(UUID recipientEntryId, List<String> recipients, @MultiLine String purpose, @MultiLine String consentLimits,
        @MultiLine String furtherHandling, Integer expiresInDays, Integer downloadLimit, UUID sharingRecordId) {
}
