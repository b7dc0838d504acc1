package org.caseshare.incident;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caseshare.custody.CustodyRegister;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Incidents over the API: the same rules and messages as the pages, the clock as of the server's time. */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = "application/json")
class IncidentApiController {

    private final IncidentRegister register;
    private final Clock clock;

    IncidentApiController(IncidentRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    record DecisionResponse(UUID decidedBy, String decidedByName, Instant decidedAt, boolean notifyIco, String icoReasons,
            LocalDate icoNotifiedOn, String icoReference, String icoDelayReasons, boolean notifyPeople, String peopleReasons,
            LocalDate peopleNotifiedOn) {
        static DecisionResponse of(Incident.Decision d) {
            return d == null ? null : new DecisionResponse(d.decidedBy(), d.decidedByName(), d.decidedAt(), d.notifyIco(), d.icoReasons(),
                    d.icoNotifiedOn(), d.icoReference(), d.icoDelayReasons(), d.notifyPeople(), d.peopleReasons(), d.peopleNotifiedOn());
        }
    }

    record IncidentResponse(UUID id, String status, UUID reportedBy, String reportedByName, Instant reportedAt, String whatHappened,
            Instant discoveredAt, int peopleAffected, int recordsAffected, String consequences, String actionsTaken,
            UUID sharingRecordId, UUID custodyItemId, UUID deviceId, Instant icoDeadline, boolean clockRunning, boolean overdue,
            String clock, DecisionResponse decision) {
        static IncidentResponse of(Incident i, Instant now) {
            IcoClock c = IcoClock.of(i, now);
            return new IncidentResponse(i.id(), i.decided() ? "DECIDED" : "REPORTED", i.reportedBy(), i.reportedByName(), i.reportedAt(),
                    i.whatHappened(), i.discoveredAt(), i.peopleAffected(), i.recordsAffected(), i.consequences(), i.actionsTaken(),
                    i.sharingRecordId(), i.custodyItemId(), i.deviceId(), i.icoDeadline(), c.running(), c.overdue(), c.text(),
                    DecisionResponse.of(i.decision()));
        }
    }

    @Callers("the reporter; managers and DPOs see the organisation's")
    @GetMapping
    List<IncidentResponse> list(Actor caller) {
        staff(caller);
        Instant now = clock.instant();
        return register.incidents(caller).stream().map(i -> IncidentResponse.of(i, now)).toList();
    }

    @Callers("staff")
    @PostMapping(consumes = "application/json")
    ResponseEntity<IncidentResponse> report(Actor caller, @RequestBody IncidentForms.Report request) {
        staff(caller);
        UUID id = valid(register.report(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id)).body(IncidentResponse.of(register.incident(caller, id), clock.instant()));
    }

    @Callers("the reporter; managers and DPOs see the organisation's")
    @GetMapping("/{id}")
    IncidentResponse get(Actor caller, @PathVariable UUID id) {
        staff(caller);
        return IncidentResponse.of(register.incident(caller, id), clock.instant());
    }

    @Callers("DPOs only")
    @PostMapping(path = "/{id}/decision", consumes = "application/json")
    IncidentResponse decide(Actor caller, @PathVariable UUID id, @RequestBody IncidentForms.Decide request) {
        staff(caller);
        valid(register.decide(caller, id, request));
        return IncidentResponse.of(register.incident(caller, id), clock.instant());
    }

    @ExceptionHandler(IncidentChangedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail changed(IncidentChangedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Changed by someone else");
        return problem;
    }

    private static UUID valid(IncidentRegister.Outcome outcome) {
        if (!outcome.valid()) {
            throw new ApiValidationException(outcome.errors());
        }
        return outcome.id();
    }

    private static void staff(Actor caller) {
        if (!CustodyRegister.staff(caller)) {
            throw new AccessDeniedException("Partner users have no incident register");
        }
    }
}
