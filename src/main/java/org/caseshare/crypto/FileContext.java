package org.caseshare.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Where an encrypted file belongs. Bound as associated data into its wrapped key, its content and
 * its name, so moving any of them to another file, package or organisation fails authentication.
 */
public record FileContext(UUID organisationId, UUID packageId, UUID fileId) {

    public FileContext {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(fileId, "fileId");
    }

    /** Purpose label, scheme version and the three ids, each length-prefixed so no two contexts collide. */
    byte[] associatedData(String purpose, int scheme, byte[] extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] label = ("caseshare/" + purpose).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer fixed = ByteBuffer.allocate(4 + label.length + 4 + 3 * 16 + 4);
        fixed.putInt(label.length).put(label).putInt(scheme);
        for (UUID id : new UUID[] {organisationId, packageId, fileId}) {
            fixed.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        fixed.putInt(extra.length);
        out.writeBytes(fixed.array());
        out.writeBytes(extra);
        return out.toByteArray();
    }
}
