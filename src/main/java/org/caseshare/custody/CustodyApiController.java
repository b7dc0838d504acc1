package org.caseshare.custody;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Actor;
import org.caseshare.system.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The custody register and the approved devices over the API, with the same rules and messages as
 * the pages. Partner users have no access; another organisation's ids answer 404.
 */
@RestController
class CustodyApiController {

    private final CustodyRegister register;
    private final Clock clock;

    CustodyApiController(CustodyRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    record ItemResponse(UUID id, String kind, String status, UUID holderId, String holderName, String description, String reason,
            Instant takenAt, Instant dueAt, boolean overdue, UUID deviceId, UUID sharingRecordId, List<String> safeguards,
            UUID closedBy, String closedByName, Instant closedAt, String closedHow, Instant remindedAt, Instant escalatedAt) {
        static ItemResponse of(CustodyItem i, Instant now) {
            return new ItemResponse(i.id(), i.kind().name(), i.status().name(), i.holderId(), i.holderName(), i.description(), i.reason(),
                    i.takenAt(), i.dueAt(), i.overdue(now), i.deviceId(), i.sharingRecordId(), i.safeguards(), i.closedBy(),
                    i.closedByName(), i.closedAt(), i.closedHow(), i.remindedAt(), i.escalatedAt());
        }
    }

    record DeviceResponse(UUID id, String type, String assetTag, String description, String status, boolean usable,
            Instant registeredAt, UUID encryptionVerifiedBy, String encryptionVerifiedName, Instant encryptionVerifiedAt,
            String encryptionMethod, Instant withdrawnAt, String withdrawnReason) {
        static DeviceResponse of(Device d) {
            return new DeviceResponse(d.id(), d.type().name(), d.assetTag(), d.description(), d.statusName(), d.usable(), d.registeredAt(),
                    d.encryptionVerifiedBy(), d.encryptionVerifiedName(), d.encryptionVerifiedAt(), d.encryptionMethod(), d.withdrawnAt(),
                    d.withdrawnReason());
        }
    }

    record VerifyRequest(String method) {
    }

    record WithdrawRequest(String reason) {
    }

    @Callers("the holder; managers and DPOs see the organisation's")
    @GetMapping(path = "/api/v1/custody-items", produces = "application/json")
    List<ItemResponse> items(Actor caller) {
        staff(caller);
        Instant now = clock.instant();
        return register.items(caller).stream().map(i -> ItemResponse.of(i, now)).toList();
    }

    @Callers("the holder; managers and DPOs see the organisation's")
    @GetMapping(path = "/api/v1/custody-items/overdue", produces = "application/json")
    List<ItemResponse> overdue(Actor caller) {
        staff(caller);
        Instant now = clock.instant();
        return register.overdue(caller).stream().map(i -> ItemResponse.of(i, now)).toList();
    }

    @Callers("staff (not partner users)")
    @PostMapping(path = "/api/v1/custody-items", consumes = "application/json", produces = "application/json")
    ResponseEntity<ItemResponse> take(Actor caller, @RequestBody CustodyForms.Take request) {
        staff(caller);
        UUID id = valid(register.take(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/custody-items/" + id)).body(ItemResponse.of(register.item(caller, id), clock.instant()));
    }

    @Callers("the holder; managers and DPOs see the organisation's")
    @GetMapping(path = "/api/v1/custody-items/{id}", produces = "application/json")
    ItemResponse item(Actor caller, @PathVariable UUID id) {
        staff(caller);
        return ItemResponse.of(register.item(caller, id), clock.instant());
    }

    @Callers("the holder, managers, DPOs")
    @PostMapping(path = "/api/v1/custody-items/{id}/close", consumes = "application/json", produces = "application/json")
    ItemResponse close(Actor caller, @PathVariable UUID id, @RequestBody CustodyForms.Close request) {
        staff(caller);
        valid(register.close(caller, id, request));
        return ItemResponse.of(register.item(caller, id), clock.instant());
    }

    @Callers("staff")
    @GetMapping(path = "/api/v1/devices", produces = "application/json")
    List<DeviceResponse> devices(Actor caller) {
        staff(caller);
        return register.devices(caller).stream().map(DeviceResponse::of).toList();
    }

    @Callers("organisation admins")
    @PostMapping(path = "/api/v1/devices", consumes = "application/json", produces = "application/json")
    ResponseEntity<DeviceResponse> registerDevice(Actor caller, @RequestBody CustodyForms.NewDevice request) {
        staff(caller);
        UUID id = valid(register.registerDevice(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/devices/" + id)).body(DeviceResponse.of(register.device(caller, id)));
    }

    @Callers("staff")
    @GetMapping(path = "/api/v1/devices/{id}", produces = "application/json")
    DeviceResponse device(Actor caller, @PathVariable UUID id) {
        staff(caller);
        return DeviceResponse.of(register.device(caller, id));
    }

    @Callers("organisation admins")
    @PostMapping(path = "/api/v1/devices/{id}/verify-encryption", consumes = "application/json", produces = "application/json")
    DeviceResponse verify(Actor caller, @PathVariable UUID id, @RequestBody VerifyRequest request) {
        staff(caller);
        valid(register.verifyEncryption(caller, id, request.method()));
        return DeviceResponse.of(register.device(caller, id));
    }

    @Callers("organisation admins")
    @PostMapping(path = "/api/v1/devices/{id}/withdraw", consumes = "application/json", produces = "application/json")
    DeviceResponse withdraw(Actor caller, @PathVariable UUID id, @RequestBody WithdrawRequest request) {
        staff(caller);
        valid(register.withdraw(caller, id, request.reason()));
        return DeviceResponse.of(register.device(caller, id));
    }

    @ExceptionHandler(CustodyRefusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail refused(CustodyRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not allowed now");
        return problem;
    }

    private static UUID valid(CustodyRegister.Outcome outcome) {
        if (!outcome.valid()) {
            throw new ApiValidationException(outcome.errors());
        }
        return outcome.id();
    }

    /** The custody register is for the organisation's own staff, never partner users. */
    static void staff(Actor caller) {
        if (!CustodyRegister.staff(caller)) {
            throw new AccessDeniedException("Partner users have no custody register");
        }
    }
}
