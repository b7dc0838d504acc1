package org.caseshare.directory;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.caseshare.system.Text;

/** Applies the guide's email rules, then the tenant's directory, to one address. */
final class EmailChecker {

    private final MailDomainPolicy policy;
    private final DirectoryEntries entries;
    private final Organisations organisations;

    EmailChecker(MailDomainPolicy policy, DirectoryEntries entries, Organisations organisations) {
        this.policy = policy;
        this.entries = entries;
        this.organisations = organisations;
    }

    EmailCheck check(UUID tenantId, EmailAddress address) {
        EmailDomain domain = address.domain();
        if (policy.personalWebmail(domain)) {
            return result(address, EmailCheck.Verdict.REFUSED_PERSONAL_WEBMAIL, Text.of("directory.email-check.webmail"), null);
        }
        if (policy.notSecure(domain)) {
            return result(address, EmailCheck.Verdict.WARNING_NOT_SECURE, Text.of("directory.email-check.gcsx"), null);
        }
        List<DirectoryEntries.DomainListing> matches = entries.emailDomains(tenantId).stream()
                .filter(listing -> domain.within(((SecureEmailDomain) listing.point().details()).domain()))
                .sorted(Comparator.comparing((DirectoryEntries.DomainListing l) -> -((SecureEmailDomain) l.point().details()).domain().value().length())
                        .thenComparing(l -> !l.point().verified()))
                .toList();
        if (matches.isEmpty()) {
            return result(address, EmailCheck.Verdict.UNKNOWN, Text.of("directory.email-check.unknown"), null);
        }
        DirectoryEntries.DomainListing best = matches.get(0);
        SecureEmailDomain listed = (SecureEmailDomain) best.point().details();
        if (!listed.secure()) {
            return result(address, EmailCheck.Verdict.WARNING_NOT_SECURE, Text.of("directory.email-check.listed-not-secure",
                    listed.domain().value(), best.entryName()), best);
        }
        if (councilAndSchool(tenantId, best.entryKind())) {
            return result(address, EmailCheck.Verdict.WARNING_NOT_SECURE, Text.of("directory.email-check.council-and-schools"), best);
        }
        if (!best.point().verified()) {
            return result(address, EmailCheck.Verdict.UNKNOWN, Text.of("directory.email-check.not-verified",
                    listed.domain().value(), best.entryName()), best);
        }
        return result(address, EmailCheck.Verdict.SECURE_KNOWN, Text.of("directory.email-check.secure-known", best.entryName()), best);
    }

    /** The guide: ‘emails between the Council and Schools are not secure’. */
    private boolean councilAndSchool(UUID tenantId, OrganisationKind partner) {
        OrganisationKind own = organisations.findById(tenantId).map(Organisation::kind).orElse(OrganisationKind.OTHER);
        return own == OrganisationKind.COUNCIL && partner == OrganisationKind.SCHOOL
                || own == OrganisationKind.SCHOOL && partner == OrganisationKind.COUNCIL;
    }

    private static EmailCheck result(EmailAddress address, EmailCheck.Verdict verdict, Text reason, DirectoryEntries.DomainListing listing) {
        return new EmailCheck(address.value(), address.domain().value(), verdict, reason,
                listing == null ? null : listing.point().entryId(), listing == null ? null : listing.entryName());
    }
}
