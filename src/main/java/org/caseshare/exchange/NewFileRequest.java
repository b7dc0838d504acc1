package org.caseshare.exchange;

import java.util.UUID;

import org.caseshare.system.MultiLine;

/**
 * What a practitioner asks for: from whom (an organisation in their directory and a named person's
 * email), what, why and by when ({@code dueOn}: yyyy-mm-dd or d/m/yyyy), optionally under a sharing
 * record of a request made.
 */
public record NewFileRequest(UUID recipientEntryId, String recipient, @MultiLine String what, @MultiLine String why, String dueOn, UUID sharingRecordId) {
}
