/**
 * SCIM 2.0 provisioning (RFC 7643/7644): an organisation's identity provider (Entra ID, Google)
 * creates, updates, deactivates and deprovisions its members at {@code /scim/v2/Users}, with a bearer
 * token the organisation admin makes here. The token names the organisation; nothing else is seen.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SCIM provisioning")
package org.caseshare.scim;
