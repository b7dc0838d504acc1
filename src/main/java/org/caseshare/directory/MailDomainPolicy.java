package org.caseshare.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The configured personal-webmail and not-secure domain lists, and the guide's words about each. */
@Component
class MailDomainPolicy {

    static final String PERSONAL_WEBMAIL = "This is a personal webmail address. The guide says staff should use work email"
            + " accounts that include the name of the institution, rather than personal (e.g. Hotmail) accounts;"
            + " the data may be stored outside the EU where different data protection rules apply.";
    static final String NOT_SECURE = "GCSX email accounts are not classed as secure accounts and should not be used to"
            + " transfer client details between organisations.";
    static final String COUNCIL_AND_SCHOOLS = "Emails between the Council and Schools are not secure.";

    private final List<EmailDomain> personal;
    private final List<EmailDomain> insecure;

    MailDomainPolicy(DirectoryProperties properties) {
        this.personal = properties.personalMailDomains().stream().map(EmailDomain::new).toList();
        this.insecure = properties.insecureMailDomains().stream().map(EmailDomain::new).toList();
    }

    boolean personalWebmail(EmailDomain domain) {
        return personal.stream().anyMatch(domain::within);
    }

    boolean notSecure(EmailDomain domain) {
        return insecure.stream().anyMatch(domain::within);
    }

    /** The first rule these details break, if any; the directory refuses to save them then. */
    Optional<InvalidFieldException> breach(ContactDetails details) {
        if (details instanceof SecureEmailDomain d && personalWebmail(d.domain())) {
            return Optional.of(InvalidFieldException.coded("domain", "directory.error.webmail-domain", d.domain().value()));
        }
        if (details instanceof SecureEmailDomain d && d.secure() && notSecure(d.domain())) {
            return Optional.of(InvalidFieldException.coded("secure", "directory.error.gcsx-secure", d.domain().value()));
        }
        if (details instanceof NamedContact c && c.email() != null && personalWebmail(c.email().domain())) {
            return Optional.of(InvalidFieldException.coded("email", "directory.error.webmail-contact"));
        }
        return Optional.empty();
    }
}
