package org.caseshare.directory;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

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
            return result(address, EmailCheck.Verdict.REFUSED_PERSONAL_WEBMAIL, MailDomainPolicy.PERSONAL_WEBMAIL, null);
        }
        if (policy.notSecure(domain)) {
            return result(address, EmailCheck.Verdict.WARNING_NOT_SECURE, MailDomainPolicy.NOT_SECURE, null);
        }
        List<DirectoryEntries.DomainListing> matches = entries.emailDomains(tenantId).stream()
                .filter(listing -> domain.within(((SecureEmailDomain) listing.point().details()).domain()))
                .sorted(Comparator.comparing((DirectoryEntries.DomainListing l) -> -((SecureEmailDomain) l.point().details()).domain().value().length())
                        .thenComparing(l -> !l.point().verified()))
                .toList();
        if (matches.isEmpty()) {
            return result(address, EmailCheck.Verdict.UNKNOWN, "This domain is not in your directory. Confirm the name, department"
                    + " and email address of the recipient, and use a secure email connection where possible.", null);
        }
        DirectoryEntries.DomainListing best = matches.get(0);
        SecureEmailDomain listed = (SecureEmailDomain) best.point().details();
        if (!listed.secure()) {
            return result(address, EmailCheck.Verdict.WARNING_NOT_SECURE, "Your directory lists " + listed.domain().value() + " for "
                    + best.entryName() + " as not secure.", best);
        }
        if (councilAndSchool(tenantId, best.entryKind())) {
            return result(address, EmailCheck.Verdict.WARNING_NOT_SECURE, MailDomainPolicy.COUNCIL_AND_SCHOOLS, best);
        }
        if (!best.point().verified()) {
            return result(address, EmailCheck.Verdict.UNKNOWN, "Your directory lists " + listed.domain().value() + " as secure for "
                    + best.entryName() + ", but nobody has verified it yet.", best);
        }
        return result(address, EmailCheck.Verdict.SECURE_KNOWN, "A verified secure email domain of " + best.entryName() + ".", best);
    }

    /** The guide: ‘emails between the Council and Schools are not secure’. */
    private boolean councilAndSchool(UUID tenantId, OrganisationKind partner) {
        OrganisationKind own = organisations.findById(tenantId).map(Organisation::kind).orElse(OrganisationKind.OTHER);
        return own == OrganisationKind.COUNCIL && partner == OrganisationKind.SCHOOL
                || own == OrganisationKind.SCHOOL && partner == OrganisationKind.COUNCIL;
    }

    private static EmailCheck result(EmailAddress address, EmailCheck.Verdict verdict, String reason, DirectoryEntries.DomainListing listing) {
        return new EmailCheck(address.value(), address.domain().value(), verdict, reason,
                listing == null ? null : listing.point().entryId(), listing == null ? null : listing.entryName());
    }
}
