package org.caseshare.exchange;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.crypto.FileContext;
import org.caseshare.crypto.FileEncryption;
import org.caseshare.crypto.WrappedKey;
import org.caseshare.directory.Directory;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Members;
import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;
import org.caseshare.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reading packages. Senders see their organisation's packages; recipients see only packages
 * addressed to their own email address, once sent, and only themselves among the recipients;
 * anyone else gets ‘not found’.
 */
@Service
public class PackageViews {

    private final JdbcClient jdbc;
    private final FileEncryption encryption;
    private final PackageAccess access;
    private final Directory directory;
    private final Members members;

    PackageViews(JdbcClient jdbc, FileEncryption encryption, PackageAccess access, Directory directory, Members members) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.access = access;
        this.directory = directory;
        this.members = members;
    }

    public List<HubPackage> sent(Actor caller) {
        if (!caller.staff()) {
            return jdbc.sql("select id from hub_package where organisation_id = ? and sender_id = ? order by created_at desc")
                    .params(caller.organisationId(), caller.accountId()).query(UUID.class).list().stream().map(id -> view(caller, id)).toList();
        }
        return jdbc.sql("select id from hub_package where organisation_id = ? order by created_at desc").param(caller.organisationId())
                .query(UUID.class).list().stream().map(id -> view(caller, id)).toList();
    }

    public List<HubPackage> received(Actor caller) {
        return jdbc.sql("""
                select p.id from hub_package p join hub_recipient r on r.package_id = p.id
                where r.email = ? and p.status <> 'DRAFT' order by p.sent_at desc""").param(access.email(caller))
                .query(UUID.class).list().stream().map(id -> view(caller, id)).toList();
    }

    /** The package if the caller's organisation sent it or the caller is a recipient of it (once sent); else not found. */
    public HubPackage get(Actor caller, UUID packageId) {
        return view(caller, access.visible(caller, packageId).id());
    }

    /** The package if the caller may see it, else empty. */
    public Optional<HubPackage> find(Actor caller, UUID packageId) {
        try {
            return Optional.of(get(caller, packageId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public boolean isSender(Actor caller, HubPackage p) {
        return p.organisationId().equals(caller.organisationId()) && (caller.staff() || p.senderId().equals(caller.accountId()));
    }

    public String email(Actor caller) {
        return access.email(caller);
    }

    private HubPackage view(Actor caller, UUID id) {
        HubRow row = access.row(id).orElseThrow(() -> new NotFoundException("Package"));
        boolean sender = row.seesAsSender(caller);
        List<HubPackage.Recipient> recipients = jdbc.sql("select email, invitation_id, acknowledged_at from hub_recipient where package_id = ? order by email")
                .param(id).query((rs, n) -> new HubPackage.Recipient(rs.getString("email"), rs.getObject("invitation_id") != null,
                        HubRow.instant(rs, "acknowledged_at"))).list();
        if (!sender) {
            String mine = access.email(caller);
            recipients = recipients.stream().filter(r -> r.email().equals(mine)).toList();
        }
        List<HubPackage.HubFile> files = jdbc.sql("select id, sealed_name, wrapped_key, size, downloads, damaged_at from hub_file where package_id = ? order by created_at, id")
                .param(id).query((rs, n) -> {
                    UUID fileId = rs.getObject("id", UUID.class);
                    String sealed = rs.getString("sealed_name");
                    String wrapped = rs.getString("wrapped_key");
                    String name = Catalogue.text("hub.package.file.destroyed");
                    if (sealed != null && wrapped != null) {
                        WrappedKey key = new WrappedKey(wrapped);
                        name = key.passwordLocked() ? Catalogue.text("hub.package.file.locked", n + 1)
                                : SafeFileNames.neutralise(encryption.openName(sealed, key, new FileContext(row.organisationId(), id, fileId), null));
                    }
                    return new HubPackage.HubFile(fileId, name, rs.getLong("size"), rs.getInt("downloads"), rs.getTimestamp("damaged_at") != null);
                }).list();
        String senderName = members.findById(row.senderId()).map(Account::displayName).orElse("");
        String recipientOrganisationName = directory.organisation(row.recipientOrganisationId()).map(Organisation::name).orElse("");
        return new HubPackage(id, row.organisationId(), row.senderId(), senderName, row.recipientOrganisationId(), recipientOrganisationName,
                row.sharingRecordId(), row.purpose(), row.consentLimits(), row.furtherHandling(), row.status(), row.passwordLock() != null,
                row.downloadLimit(), row.expiresAt(), row.createdAt(), row.sentAt(), row.firstDownloadedAt(), row.revokedAt(),
                row.shreddedAt(), recipients, files);
    }
}
