package org.caseshare.sharing;

import java.util.UUID;

/**
 * Who receives the information (or, for a request received, who asked): the values are copied from
 * the directory entry when one was picked, so the record keeps what was true at the time.
 */
public record Recipient(UUID entryId, String organisation, String name, String jobTitle, String department,
        String telephone, String email, String address) {

    public Recipient {
        if (organisation == null || organisation.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a recipient needs an organisation and a name");
        }
    }
}
