package org.caseshare.identity;

import java.util.List;
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

/** The organisation admin reads and sets single sign-on through the API. The client secret is write-only. */
@RestController
@RequestMapping(path = "/api/v1/organisations/{id}/sso", produces = "application/json")
class SsoApiController {

    private final SsoSettings settings;
    private final String baseUrl;

    SsoApiController(SsoSettings settings, @org.springframework.beans.factory.annotation.Value("${caseshare.base-url}") String baseUrl) {
        this.settings = settings;
        this.baseUrl = baseUrl;
    }

    record SsoRequest(String issuer, String clientId, String clientSecret, List<String> domains, String roleClaim,
            Map<String, String> roleMappings, String defaultRole, List<String> mfaAcrValues, Boolean requireOwnSecondFactor) {
    }

    /** No secret here, ever: {@code clientSecretSet} says only whether one is stored. */
    record SsoResponse(boolean configured, String issuer, String clientId, boolean clientSecretSet, List<String> domains, String roleClaim,
            Map<String, Role> roleMappings, Role defaultRole, List<String> mfaAcrValues, boolean requireOwnSecondFactor,
            String redirectUri, String backChannelLogoutUri) {
    }

    @Callers("organisation admins")
    @GetMapping
    SsoResponse get(Actor caller, @PathVariable UUID id) {
        caller.requireAdminOf(id);
        return response(id, settings.find(id).orElse(null));
    }

    /** The body is optional to Spring so that another organisation's id is "not found" before any body is read. */
    @Callers("organisation admins")
    @PutMapping
    SsoResponse put(Actor caller, @PathVariable UUID id, @RequestBody(required = false) SsoRequest request) {
        caller.requireAdminOf(id);
        if (request == null) {
            throw new ApiValidationException(Map.of("issuer", "Send the single sign-on settings as JSON"));
        }
        StringBuilder mappings = new StringBuilder();
        if (request.roleMappings() != null) {
            request.roleMappings().forEach((value, role) -> mappings.append(value).append(" = ").append(role).append('\n'));
        }
        SsoSettingsForm form = new SsoSettingsForm(request.issuer(), request.clientId(), request.clientSecret(),
                request.domains() == null ? "" : String.join(" ", request.domains()), request.roleClaim(), mappings.toString(),
                request.defaultRole(), request.mfaAcrValues() == null ? "" : String.join(" ", request.mfaAcrValues()),
                Boolean.TRUE.equals(request.requireOwnSecondFactor()));
        try {
            return response(id, settings.configure(id, form, caller.accountId()));
        } catch (SsoSettingsInvalidException e) {
            throw new ApiValidationException(e.errors());
        }
    }

    private SsoResponse response(UUID organisationId, SsoProvider provider) {
        String redirectUri = baseUrl + SsoSignIn.CALLBACK_PREFIX + organisationId;
        String logoutUri = baseUrl + "/sso/" + organisationId + "/back-channel-logout";
        if (provider == null) {
            return new SsoResponse(false, null, null, false, List.of(), null, Map.of(), null, List.of(), false, redirectUri, logoutUri);
        }
        return new SsoResponse(true, provider.issuer(), provider.clientId(), true, provider.domains(), provider.roleClaim(),
                provider.roleMappings(), provider.defaultRole(), List.copyOf(provider.mfaAcrValues()), provider.requireOwnSecondFactor(),
                redirectUri, logoutUri);
    }
}
