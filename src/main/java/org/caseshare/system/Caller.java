package org.caseshare.system;

import java.util.UUID;

/**
 * The signed-in person as modules below identity may see them: their organisation and whether they
 * hold a role (by name, e.g. {@code DATA_PROTECTION_OFFICER}). Lets audit's pages scope and guard
 * themselves without depending on identity, which itself depends on audit.
 */
public interface Caller {

    UUID organisationId();

    boolean hasRoleNamed(String role);
}
