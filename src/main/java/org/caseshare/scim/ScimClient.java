package org.caseshare.scim;

import java.util.UUID;

/**
 * Who is calling /scim/v2: the provisioning service holding one of an organisation's SCIM tokens.
 * It acts for that organisation only; audit entries name it as {@code scim:<token id>}.
 */
record ScimClient(UUID tokenId, UUID organisationId) {

    String actor() {
        return "scim:" + tokenId;
    }
}
