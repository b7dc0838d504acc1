package org.caseshare.sharing;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.validation.Validator;
import org.caseshare.identity.Role;
import org.caseshare.policy.Authoriser;
import org.caseshare.sharing.SharingApiResponses.SharingRecordResponse;
import org.caseshare.system.Actor;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Callers;
import org.caseshare.system.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static org.caseshare.sharing.SharingApiController.STAFF;
import static org.caseshare.sharing.SharingApiController.staff;
import static org.caseshare.sharing.SharingApiResponses.withVersion;

/**
 * A record's lifecycle over the API, each step as on the record's page. Every step takes the
 * record's {@code version} (as {@code If-Match}, or in the body) and answers 409 when it is stale;
 * another organisation's record is not found before anything about the request is judged.
 */
@RestController
@RequestMapping(path = "/api/v1/sharing-records/{id}", produces = "application/json")
class SharingActionsApiController {

    static final String AUTHORISER = "the authoriser the record's policy names (a manager or the DPO)";
    private static final String IF_MATCH = "If-Match";

    private final SharingRegister register;
    private final Validator validator;

    SharingActionsApiController(SharingRegister register, Validator validator) {
        this.register = register;
        this.validator = validator;
    }

    @Callers(AUTHORISER)
    @PostMapping("/authorise")
    ResponseEntity<SharingRecordResponse> authorise(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) SharingApiRequests.Step body, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        authoriser(user, id);
        return withVersion(ResponseEntity.ok(), register.authorise(user, id, version(body, ifMatch)));
    }

    @Callers(AUTHORISER)
    @PostMapping("/refuse")
    ResponseEntity<SharingRecordResponse> refuse(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) SharingApiRequests.Refusal body,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        authoriser(user, id);
        SharingApiRequests.Refusal refusal = valid(body, new SharingApiRequests.Refusal(null, null));
        return withVersion(ResponseEntity.ok(), register.refuse(user, id, version(refusal.version(), ifMatch), refusal.reason()));
    }

    @Callers(STAFF)
    @PostMapping("/safeguards/{safeguardId}/confirm")
    ResponseEntity<SharingRecordResponse> confirmSafeguard(Actor user, @PathVariable UUID id, @PathVariable String safeguardId,
            @RequestBody(required = false) SharingApiRequests.Step body, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        staff(user);
        return withVersion(ResponseEntity.ok(), register.confirmSafeguard(user, id, version(body, ifMatch), safeguardId));
    }

    /** For a request received: the result of calling the requester back on their organisation's switchboard. */
    @Callers(STAFF)
    @PostMapping("/call-back")
    ResponseEntity<SharingRecordResponse> callBack(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) SharingApiRequests.CallBack body,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        visible(user, id);
        SharingApiRequests.CallBack callBack = valid(body, new SharingApiRequests.CallBack(null, null, null, null));
        return withVersion(ResponseEntity.ok(), register.recordCallBack(user, id, version(callBack.version(), ifMatch),
                callBack.number(), callBack.verified(), SharingApiRequests.blankAsNull(callBack.note())));
    }

    @Callers(STAFF)
    @PostMapping("/share")
    ResponseEntity<SharingRecordResponse> share(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) SharingApiRequests.Step body, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        staff(user);
        return withVersion(ResponseEntity.ok(), register.share(user, id, version(body, ifMatch)));
    }

    @Callers(STAFF)
    @PostMapping("/confirm-receipt")
    ResponseEntity<SharingRecordResponse> confirmReceipt(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) SharingApiRequests.Step body, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        staff(user);
        return withVersion(ResponseEntity.ok(), register.confirmReceipt(user, id, version(body, ifMatch)));
    }

    @Callers(STAFF)
    @PostMapping("/close")
    ResponseEntity<SharingRecordResponse> close(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) SharingApiRequests.Step body, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        staff(user);
        return withVersion(ResponseEntity.ok(), register.close(user, id, version(body, ifMatch)));
    }

    @Callers(STAFF)
    @PostMapping("/decline")
    ResponseEntity<SharingRecordResponse> decline(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) SharingApiRequests.Declining body,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        visible(user, id);
        SharingApiRequests.Declining declining = valid(body, new SharingApiRequests.Declining(null, null));
        return withVersion(ResponseEntity.ok(), register.decline(user, id, version(declining.version(), ifMatch), declining.reasons()));
    }

    @Callers(STAFF)
    @PostMapping("/cancel")
    ResponseEntity<SharingRecordResponse> cancel(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) SharingApiRequests.Cancellation body,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        visible(user, id);
        return withVersion(ResponseEntity.ok(), register.cancel(user, id, version(body == null ? null : body.version(), ifMatch),
                body == null ? null : SharingApiRequests.blankAsNull(body.reason())));
    }

    @ExceptionHandler(StaleRecordException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail stale(StaleRecordException e) {
        return ProblemTypes.problem(ProblemTypes.STALE_RECORD,
                "Someone else changed this record since you read it. Read it again, then repeat your change if it still applies.");
    }

    @ExceptionHandler(SharingRefusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail refused(SharingRefusedException e) {
        return ProblemTypes.problem(ProblemTypes.NOT_ALLOWED_NOW, e.getMessage());
    }

    /** Another organisation's record is not found before anything about the request is judged, so nothing leaks. */
    private void visible(Actor user, UUID id) {
        staff(user);
        register.get(user.organisationId(), id);
    }

    /** Only the role the record's policy names may authorise or refuse it; another organisation's record is not found first. */
    private void authoriser(Actor user, UUID id) {
        staff(user);
        SharingRecord record = register.get(user.organisationId(), id);
        Authoriser needed = record.policy().authoriser().orElse(null);
        if (needed == null) {
            return; // the record says why: it needs no authorisation (409)
        }
        boolean may = needed == Authoriser.MANAGER ? Role.MANAGER.heldBy(user) : Role.DATA_PROTECTION_OFFICER.heldBy(user);
        if (!may) {
            throw new AccessDeniedException("Only a " + needed.displayName().toLowerCase() + " can authorise this share");
        }
    }

    /**
     * A step's body checked against its Bean Validation rules — after the caller is known to may act on
     * the record, so another organisation's record is not found (404) and a partner is refused (403)
     * whatever the body says. No body at all is checked as an empty one, so the caller hears which
     * field is missing rather than that the body is.
     */
    private <T> T valid(T body, T empty) {
        T checked = body != null ? body : empty;
        Map<String, String> errors = new TreeMap<>();
        validator.validate(checked).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        if (!errors.isEmpty()) {
            throw new ApiValidationException(errors);
        }
        return checked;
    }

    private static Integer version(SharingApiRequests.Step body, String ifMatch) {
        return version(body == null ? null : body.version(), ifMatch);
    }

    /** The expected version: {@code If-Match} (an entity tag such as "3" or W/"3"), or the body's {@code version}. */
    static Integer version(Integer inBody, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return inBody;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "").strip();
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException e) {
            throw new ApiValidationException(Map.of(IF_MATCH, "Give If-Match as the record's version, as its ETag header gave it"));
        }
    }
}
