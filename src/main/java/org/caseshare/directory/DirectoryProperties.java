package org.caseshare.directory;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the directory.
 *
 * @param personalMailDomains personal webmail domains (and their subdomains) a contact's email may not use
 * @param insecureMailDomains domains the guide calls not secure (GCSX), and their subdomains
 */
@ConfigurationProperties("caseshare.directory")
public record DirectoryProperties(List<String> personalMailDomains, List<String> insecureMailDomains) {

    public DirectoryProperties {
        personalMailDomains = personalMailDomains == null ? List.of() : List.copyOf(personalMailDomains);
        insecureMailDomains = insecureMailDomains == null ? List.of("gcsx.gov.uk") : List.copyOf(insecureMailDomains);
    }
}
