package org.caseshare.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The configured personal-webmail and not-secure domain lists (the guide's words about each are in {@code i18n/directory.properties}). */
@Component
class MailDomainPolicy {

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
