package org.caseshare.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** The directory module's API: finding and creating organisations. */
@Service
public class Directory {

    private final Organisations organisations;

    Directory(Organisations organisations) {
        this.organisations = organisations;
    }

    /** Creates a tenant and audits it; a duplicate name raises {@link DuplicateOrganisationException}. */
    public Organisation createTenant(String name, OrganisationKind kind, String actor) {
        return organisations.createTenant(name, kind, actor);
    }

    public Optional<Organisation> organisation(UUID id) {
        return organisations.findById(id);
    }

    public Optional<Organisation> organisationNamed(String name) {
        return organisations.findByName(name);
    }

    public List<Organisation> organisations() {
        return organisations.findAll();
    }
}
