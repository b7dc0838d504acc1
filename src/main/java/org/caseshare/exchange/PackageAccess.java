package org.caseshare.exchange;

import java.util.Optional;
import java.util.UUID;

import org.caseshare.identity.Account;
import org.caseshare.identity.Members;
import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may reach a package, in one place for every hub service: its sending organisation (see
 * {@link HubRow#seesAsSender}) and, once sent, the people it is addressed to. Anyone else is told
 * ‘not found’, so a package's existence never leaks across organisations.
 */
@Component
class PackageAccess {

    private final JdbcClient jdbc;
    private final Members members;

    PackageAccess(JdbcClient jdbc, Members members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    /** The caller's own email address, which is how packages are addressed. */
    String email(Actor caller) {
        return members.findById(caller.accountId()).map(Account::email).orElseThrow(() -> new NotFoundException("Account"));
    }

    Optional<HubRow> row(UUID id) {
        return jdbc.sql("select * from hub_package where id = ?").param(id).query(HubRow::map).optional();
    }

    /** The package if the caller sees it as sender or is a recipient of it once sent; else not found. */
    HubRow visible(Actor caller, UUID packageId) {
        HubRow row = row(packageId).orElseThrow(() -> new NotFoundException("Package"));
        if (row.seesAsSender(caller)) {
            return row;
        }
        if (row.status() != PackageStatus.DRAFT && isRecipient(caller, packageId)) {
            return row;
        }
        throw new NotFoundException("Package");
    }

    HubRow asRecipient(Actor caller, UUID packageId) {
        HubRow row = row(packageId).orElseThrow(() -> new NotFoundException("Package"));
        if (row.status() == PackageStatus.DRAFT || !isRecipient(caller, packageId)) {
            throw new NotFoundException("Package");
        }
        return row;
    }

    HubRow asSenderOrganisation(Actor caller, UUID packageId) {
        HubRow row = row(packageId).orElseThrow(() -> new NotFoundException("Package"));
        if (!row.seesAsSender(caller)) {
            throw new NotFoundException("Package");
        }
        return row;
    }

    /** A draft only its own sender may change. */
    HubRow senderDraft(Actor caller, UUID packageId) {
        HubRow row = asSenderOrganisation(caller, packageId);
        if (!row.senderId().equals(caller.accountId())) {
            throw new AccessDeniedException("Only the sender may change a draft");
        }
        if (row.status() != PackageStatus.DRAFT) {
            throw HubExceptions.notDraft();
        }
        return row;
    }

    private boolean isRecipient(Actor caller, UUID packageId) {
        return jdbc.sql("select count(*) from hub_recipient where package_id = ? and email = ?").params(packageId, email(caller))
                .query(Integer.class).single() > 0;
    }
}
