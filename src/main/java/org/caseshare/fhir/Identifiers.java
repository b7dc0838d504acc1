package org.caseshare.fhir;

import java.util.UUID;

/**
 * The URIs that name Caseshare's identifiers in exported resources, all under this installation's
 * base URL so two installations never mint the same system. A case reference is only unique within
 * its organisation, so its system carries the organisation's id.
 */
record Identifiers(String baseUrl) {

    Identifiers {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String installation() {
        return baseUrl;
    }

    String installationSystem() {
        return baseUrl + "/id/installation";
    }

    String accounts() {
        return baseUrl + "/id/account";
    }

    String organisations() {
        return baseUrl + "/id/organisation";
    }

    String directory() {
        return baseUrl + "/id/directory-entry";
    }

    String caseReferences(UUID organisationId) {
        return baseUrl + "/id/organisation/" + organisationId + "/case-reference";
    }

    String records(UUID organisationId) {
        return baseUrl + "/id/organisation/" + organisationId + "/sharing-record";
    }

    String recordSubjects(UUID organisationId) {
        return baseUrl + "/id/organisation/" + organisationId + "/sharing-record-subject";
    }

    /** The policy version a share was decided under, as agent.policy's URI. */
    String policy(int version) {
        return baseUrl + "/id/policy-version/" + version;
    }

    String auditEvent(UUID id) {
        return baseUrl + "/api/v1/fhir/AuditEvent/" + id;
    }
}
