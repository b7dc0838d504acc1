package org.caseshare.directory;

import java.util.Map;
import java.util.UUID;

import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Actor;
import org.caseshare.system.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation admin reads and changes their organisation's settings. */
@RestController
@RequestMapping(path = "/api/v1/organisations/{id}/settings", produces = "application/json")
class OrganisationSettingsApiController {

    private final OrganisationSettings settings;

    OrganisationSettingsApiController(OrganisationSettings settings) {
        this.settings = settings;
    }

    record SettingsRequest(Integer receiptLinkDays) {
    }

    record SettingsResponse(int receiptLinkDays) {
    }

    @Callers("organisation admins")
    @GetMapping
    SettingsResponse get(Actor caller, @PathVariable UUID id) {
        caller.requireAdminOf(id);
        return new SettingsResponse(settings.receiptLinkDays(id));
    }

    /** The body is optional to Spring so that another organisation's id is "not found" before any body is read. */
    @Callers("organisation admins")
    @PutMapping
    SettingsResponse change(Actor caller, @PathVariable UUID id, @RequestBody(required = false) SettingsRequest request) {
        caller.requireAdminOf(id);
        if (request == null || request.receiptLinkDays() == null) {
            throw new ApiValidationException(Map.of("receiptLinkDays", "Say how many days a receipt link works, from 1 to " + OrganisationSettings.MAX_RECEIPT_LINK_DAYS));
        }
        try {
            return new SettingsResponse(settings.changeReceiptLinkDays(caller, id, request.receiptLinkDays()));
        } catch (InvalidFieldException e) {
            throw new ApiValidationException(Map.of(e.field(), e.getMessage()));
        }
    }
}
