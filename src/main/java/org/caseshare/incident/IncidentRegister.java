package org.caseshare.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.custody.CustodyRegister;
import org.caseshare.custody.UkTime;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.caseshare.system.Languages;
import org.caseshare.system.PlainText;
import org.caseshare.system.Text;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The incident module's API: reporting a loss or suspected loss, and the data protection officer's
 * decision about notifying. Practitioners see what they reported; managers and the data protection
 * officer see the organisation's. Another organisation's incidents are ‘not found’.
 */
@Service
public class IncidentRegister {

    static final String DPO = "DATA_PROTECTION_OFFICER";
    static final String MANAGER = "MANAGER";

    /**
     * A submission's result: the incident's id, or what is wrong, by field, as catalogue messages for the
     * pages ({@link #problems}) or in English for the API ({@link #errors}).
     */
    public record Outcome(UUID id, Map<String, Text> problems) {

        /** What is wrong, by field, in English (the API's language). */
        public Map<String, String> errors() {
            Map<String, String> english = new LinkedHashMap<>();
            problems.forEach((field, text) -> english.put(field, text.resolve(Languages.ENGLISH)));
            return english;
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final Incidents incidents;
    private final SharingRegister sharing;
    private final CustodyRegister custody;
    private final DpoNotice notice;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    IncidentRegister(Incidents incidents, SharingRegister sharing, CustodyRegister custody, DpoNotice notice, AuditTrail audit,
            Clock clock, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.events = events;
        this.incidents = incidents;
        this.sharing = sharing;
        this.custody = custody;
        this.notice = notice;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    public static boolean decides(Actor caller) {
        return caller.hasRole(DPO);
    }

    public static boolean seesAll(Actor caller) {
        return caller.hasRole(DPO) || caller.hasRole(MANAGER);
    }

    /** device.report-loss: "Ensure any loss or suspected loss is reported immediately." */
    public Outcome report(Actor caller, IncidentForms.Report form) {
        Map<String, Text> errors = new LinkedHashMap<>();
        Instant now = now();
        String what = required(form.whatHappened(), "whatHappened", "incident.error.what-happened", errors);
        Instant discovered = discovered(form, now, errors);
        int people = count(form.peopleAffected(), "peopleAffected", "people", errors);
        int records = count(form.recordsAffected(), "recordsAffected", "records", errors);
        String consequences = required(form.consequences(), "consequences", "incident.error.consequences", errors);
        String actions = required(form.actionsTaken(), "actionsTaken", "incident.error.actions", errors);
        UUID record = link(form.sharingRecordId(), "sharingRecordId", "incident.error.sharing-record", errors,
                id -> exists(() -> sharing.get(caller.organisationId(), id)));
        UUID item = link(form.custodyItemId(), "custodyItemId", "incident.error.custody-item", errors,
                id -> custody.exists(caller.organisationId(), id));
        UUID device = link(form.deviceId(), "deviceId", "incident.error.device", errors,
                id -> custody.deviceExists(caller.organisationId(), id));
        errors.putAll(PlainText.texts(form)); // an invisible character is the problem to fix in its field
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        Incident incident = new Incident(UUID.randomUUID(), caller.organisationId(), caller.accountId(), caller.displayName(), now, what,
                discovered, people, records, consequences, actions, record, item, device, null, 0);
        transaction.executeWithoutResult(status -> {
            incidents.insert(incident);
            AuditEvent event = event("incident.reported", caller, incident.id()).with("discoveredAt", discovered.toString())
                    .with("icoDeadline", incident.icoDeadline().toString());
            if (record != null) {
                event = event.with("sharingRecord", record.toString());
            }
            if (item != null) {
                event = event.with("custodyItem", item.toString());
            }
            if (device != null) {
                event = event.with("device", device.toString());
            }
            audit.record(event);
            notice.notifyOfficers(incident.organisationId(), incident.id());
            events.publishEvent(new IncidentOpened(incident.organisationId(), incident.id(), record, now, discovered, incident.icoDeadline()));
        });
        return new Outcome(incident.id(), Map.of());
    }

    /** Only the data protection officer decides, and records the reasons either way. */
    public Outcome decide(Actor caller, UUID id, IncidentForms.Decide form) {
        // Not found before forbidden: another organisation's id must not be told apart from a missing one.
        Incident incident = incident(caller, id);
        if (!decides(caller)) {
            throw new AccessDeniedException("Only the data protection officer records the decision");
        }
        Map<String, Text> errors = new LinkedHashMap<>();
        Instant now = now();
        Boolean ico = yesNo(form.notifyIco(), "notifyIco", "incident.error.notify-ico", errors);
        String icoReasons = required(form.icoReasons(), "icoReasons", "incident.error.ico-reasons", errors);
        LocalDate icoOn = null;
        String reference = null;
        String delay = null;
        if (Boolean.TRUE.equals(ico)) {
            icoOn = pastDate(form.icoNotifiedOn(), "icoNotifiedOn", "incident.error.ico-on", now, incident, errors);
            reference = FieldText.limit(form.icoReference(), 100, "icoReference", errors);
            if (icoOn != null && icoOn.isAfter(UkTime.today(incident.icoDeadline()))) {
                // UK GDPR Art. 33(1): a notification after 72 hours is accompanied by the reasons for the delay.
                delay = required(form.icoDelayReasons(), "icoDelayReasons", "incident.error.ico-delay", errors);
            }
        }
        Boolean people = yesNo(form.notifyPeople(), "notifyPeople", "incident.error.notify-people", errors);
        String peopleReasons = required(form.peopleReasons(), "peopleReasons", "incident.error.people-reasons", errors);
        LocalDate peopleOn = null;
        if (Boolean.TRUE.equals(people) && !form.peopleNotifiedOn().isBlank()) {
            peopleOn = pastDate(form.peopleNotifiedOn(), "peopleNotifiedOn", "incident.error.people-on", now, incident, errors);
        }
        errors.putAll(PlainText.texts(form)); // an invisible character is the problem to fix in its field
        if (!errors.isEmpty()) {
            return new Outcome(id, errors);
        }
        Incident.Decision decision = new Incident.Decision(caller.accountId(), caller.displayName(), now, ico, icoReasons, icoOn,
                reference, delay, people, peopleReasons, peopleOn);
        transaction.executeWithoutResult(status -> {
            if (!incidents.decide(incident, decision)) {
                throw new IncidentChangedException();
            }
            audit.record(event("incident.decided", caller, id).with("notifyIco", ico.toString()).with("notifyPeople", people.toString())
                    .with("withinDeadline", Boolean.toString(!now.isAfter(incident.icoDeadline()))));
        });
        return new Outcome(id, Map.of());
    }

    public Incident incident(Actor caller, UUID id) {
        Incident incident = incidents.find(caller.organisationId(), id).orElseThrow(() -> new NotFoundException("Incident"));
        if (!seesAll(caller) && !incident.reportedBy().equals(caller.accountId())) {
            throw new NotFoundException("Incident");
        }
        return incident;
    }

    public List<Incident> incidents(Actor caller) {
        return incidents.list(caller.organisationId(), seesAll(caller) ? null : caller.accountId());
    }

    private Instant discovered(IncidentForms.Report form, Instant now, Map<String, Text> errors) {
        LocalDate date = UkTime.date(form.discoveredDate()).orElse(null);
        if (form.discoveredDate().isBlank()) {
            errors.put("discoveredDate", Text.of("incident.error.discovered-date"));
            return null;
        }
        if (date == null) {
            errors.put("discoveredDate", Text.of("incident.error.real-date"));
            return null;
        }
        LocalTime time = UkTime.time(form.discoveredTime()).orElse(null);
        if (time == null) {
            errors.put("discoveredTime", Text.of(form.discoveredTime().isBlank() ? "incident.error.discovered-time" : "incident.error.time"));
            return null;
        }
        Instant at = UkTime.at(date, time);
        // A few minutes' grace for a clock a little ahead of the server's.
        if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
            errors.put("discoveredDate", Text.of("incident.error.discovered.future"));
            return null;
        }
        return at;
    }

    private LocalDate pastDate(String text, String field, String missing, Instant now, Incident incident, Map<String, Text> errors) {
        if (text.isBlank()) {
            errors.put(field, Text.of(missing));
            return null;
        }
        LocalDate date = UkTime.date(text).orElse(null);
        if (date == null) {
            errors.put(field, Text.of("incident.error.real-date"));
        } else if (date.isAfter(UkTime.today(now))) {
            errors.put(field, Text.of("incident.error.date.future"));
        } else if (date.isBefore(UkTime.today(incident.discoveredAt()))) {
            errors.put(field, Text.of("incident.error.date.before-discovered"));
        } else {
            return date;
        }
        return null;
    }

    private static Boolean yesNo(String value, String field, String message, Map<String, Text> errors) {
        return switch (value.strip()) {
            case "yes" -> true;
            case "no" -> false;
            default -> {
                errors.put(field, Text.of(message));
                yield null;
            }
        };
    }

    private static int count(String value, String field, String what, Map<String, Text> errors) {
        if (value.isBlank()) {
            errors.put(field, Text.of("incident.error." + what));
            return 0;
        }
        try {
            int n = Integer.parseInt(value.strip().replace(",", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            errors.put(field, Text.of("incident.error." + what + ".number"));
            return 0;
        }
    }

    private static String required(String value, String field, String message, Map<String, Text> errors) {
        if (value.isBlank()) {
            errors.put(field, Text.of(message));
            return null;
        }
        return FieldText.limit(value, 4000, field, errors);
    }

    private static UUID link(String text, String field, String message, Map<String, Text> errors,
            java.util.function.Predicate<UUID> exists) {
        if (text.isBlank()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text.strip());
            if (exists.test(id)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not an id: reported below as not found
        }
        errors.put(field, Text.of(message));
        return null;
    }

    private static boolean exists(Runnable lookup) {
        try {
            lookup.run();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static AuditEvent event(String action, Actor caller, UUID id) {
        return AuditEvent.success(action, caller.actorId(), caller.organisationId(), "incident:" + id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Length limits shared by the fields above. */
    static final class FieldText {
        private FieldText() {
        }

        static String limit(String value, int max, String field, Map<String, Text> errors) {
            String text = value == null ? "" : value.strip();
            if (text.length() > max) {
                errors.put(field, Text.of("incident.error.too-long", max));
                return null;
            }
            return text.isEmpty() ? null : text;
        }
    }
}
