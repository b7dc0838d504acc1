package org.caseshare.custody;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.policy.Channel;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.caseshare.system.Languages;
import org.caseshare.system.PlainText;
import org.caseshare.system.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The custody module's API: taking information off site, closing it, and the register of approved
 * devices. A holder sees their own items; managers and the data protection officer see the
 * organisation's. Another organisation's items and devices are ‘not found’.
 */
@Service
public class CustodyRegister {

    public static final String MANAGER = "MANAGER";
    public static final String DPO = "DATA_PROTECTION_OFFICER";
    public static final String ADMIN = "ORGANISATION_ADMIN";
    /** Safeguards a person may confirm when taking information, by kind. The first of each is required. */
    static final Map<ItemKind, List<String>> SAFEGUARDS = Map.of(
            ItemKind.PAPER, List.of("hand.sealed-envelope", "hand.kept-close", "hand.car-boot-locked"),
            ItemKind.DEVICE, List.of("device.encrypted", "device.key-separately", "hand.kept-close"));

    /**
     * A submission's result: the id made or changed, or what is wrong, by field, as catalogue
     * messages for the pages ({@link #problems}) or in English for the API ({@link #errors}).
     */
    public record Outcome(UUID id, Map<String, Text> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }

        /** What is wrong, by field, in English (the API's language). */
        public Map<String, String> errors() {
            Map<String, String> english = new LinkedHashMap<>();
            problems.forEach((field, text) -> english.put(field, text.resolve(Languages.ENGLISH)));
            return english;
        }
    }

    private final CustodyItems items;
    private final Devices devices;
    private final SharingRegister sharing;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    CustodyRegister(CustodyItems items, Devices devices, SharingRegister sharing, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions) {
        this.items = items;
        this.devices = devices;
        this.sharing = sharing;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Managers and the data protection officer oversee every item of their organisation. */
    public static boolean oversees(Actor caller) {
        return caller.hasRole(MANAGER) || caller.hasRole(DPO);
    }

    /** The organisation's own staff: the roles the page chain lets into /custody and /incidents. */
    public static boolean staff(Actor caller) {
        return caller.hasRole("PRACTITIONER") || caller.hasRole(MANAGER) || caller.hasRole(DPO) || caller.hasRole(ADMIN);
    }

    /** Devices are approved, verified and withdrawn by the organisation admin (ADR 0010). */
    public static boolean managesDevices(Actor caller) {
        return caller.hasRole(ADMIN);
    }

    // ---- custody items ----------------------------------------------------------------------

    /** hand.record-off-site: what is taken, by whom, why, when, and when it is due back. */
    public Outcome take(Actor caller, CustodyForms.Take form) {
        Map<String, Text> errors = new LinkedHashMap<>();
        ItemKind kind = null;
        try {
            kind = ItemKind.valueOf(text(form.kind()));
        } catch (IllegalArgumentException e) {
            errors.put("kind", Text.of("custody.error.kind"));
        }
        String description = required(form.description(), "description", "custody.error.description", 1000, errors);
        // hand.only-if-necessary: the reason is part of the record.
        String reason = required(form.reason(), "reason", "custody.error.reason", 1000, errors);
        Instant now = now();
        Instant due = due(form, now, errors);
        Device device = null;
        if (kind == ItemKind.DEVICE) {
            device = usableDevice(caller, form.deviceId(), errors);
        }
        UUID sharingRecord = sharingRecord(caller, form.sharingRecordId(), kind, errors);
        List<String> confirmed = new ArrayList<>();
        if (kind != null) {
            List<String> allowed = SAFEGUARDS.get(kind);
            for (String id : form.safeguards()) {
                if (allowed.contains(id) && !confirmed.contains(id)) {
                    confirmed.add(id);
                }
            }
            if (!confirmed.contains(allowed.get(0))) {
                errors.put("safeguards", kind == ItemKind.PAPER
                        // hand.sealed-envelope
                        ? Text.of("custody.error.safeguards.paper")
                        // device.encrypted
                        : Text.of("custody.error.safeguards.device"));
            }
        }
        errors.putAll(PlainText.texts(form)); // an invisible character is the problem to fix in its field
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        CustodyItem item = new CustodyItem(UUID.randomUUID(), caller.organisationId(), kind, caller.accountId(), caller.displayName(),
                description, reason, now, due, device == null ? null : device.id(), sharingRecord, confirmed, ItemStatus.OUT, null, null,
                null, null, null, null, 0);
        transaction.executeWithoutResult(status -> {
            items.insert(item);
            AuditEvent event = event("custody.taken", caller, item).with("kind", item.kind().name())
                    .with("safeguards", String.join(",", confirmed)).with("dueAt", due.toString());
            if (item.deviceId() != null) {
                event = event.with("device", item.deviceId().toString());
            }
            if (sharingRecord != null) {
                event = event.with("sharingRecord", sharingRecord.toString());
            }
            audit.record(event);
        });
        return new Outcome(item.id(), Map.of());
    }

    /** Closes an item: returned on a date, or securely disposed of / deleted, by whom and how. */
    public Outcome close(Actor caller, UUID id, CustodyForms.Close form) {
        CustodyItem item = item(caller, id);
        Map<String, Text> errors = new LinkedHashMap<>();
        String outcome = text(form.outcome());
        Instant now = now();
        CustodyItem closed = null;
        switch (outcome) {
            case "returned" -> {
                LocalDate on = UkTime.date(form.returnedOn()).orElse(null);
                if (text(form.returnedOn()).isEmpty()) {
                    on = UkTime.today(now);
                } else if (on == null) {
                    errors.put("returnedOn", Text.of("custody.error.returned-on"));
                } else if (on.isAfter(UkTime.today(now))) {
                    errors.put("returnedOn", Text.of("custody.error.returned-on.future"));
                } else if (on.isBefore(UkTime.today(item.takenAt()))) {
                    errors.put("returnedOn", Text.of("custody.error.returned-on.before-taken"));
                }
                if (errors.isEmpty()) {
                    Instant at = on.equals(UkTime.today(now)) ? now : UkTime.at(on, LocalTime.NOON);
                    closed = item.returned(caller.accountId(), caller.displayName(), at);
                }
            }
            case "disposed", "deleted" -> {
                String how = required(form.how(), "how", outcome.equals("deleted")
                        ? "custody.error.how.deleted"
                        : "custody.error.how.disposed", 500, errors);
                if (errors.isEmpty()) {
                    closed = outcome.equals("deleted") ? item.deleted(caller.accountId(), caller.displayName(), now, how)
                            : item.disposed(caller.accountId(), caller.displayName(), now, how);
                }
            }
            default -> errors.put("outcome", Text.of("custody.error.outcome"));
        }
        if (!errors.isEmpty()) {
            return new Outcome(id, errors);
        }
        CustodyItem saved = closed;
        transaction.executeWithoutResult(status -> {
            if (!items.close(saved)) {
                throw new CustodyRefusedException("custody.refused.item-changed");
            }
            audit.record(event("custody." + outcome, caller, saved).with("status", saved.status().name()));
        });
        return new Outcome(id, Map.of());
    }

    /** An item the caller may see: their own, or any of the organisation's for a manager or DPO. */
    public CustodyItem item(Actor caller, UUID id) {
        CustodyItem item = items.find(caller.organisationId(), id).orElseThrow(() -> new NotFoundException("Custody item"));
        if (!oversees(caller) && !item.holderId().equals(caller.accountId())) {
            throw new NotFoundException("Custody item");
        }
        return item;
    }

    /** Whether the item exists in the organisation (for an incident report that names it). */
    public boolean exists(UUID organisationId, UUID id) {
        return items.find(organisationId, id).isPresent();
    }

    public List<CustodyItem> items(Actor caller) {
        return items.list(caller.organisationId(), oversees(caller) ? null : caller.accountId(), 500);
    }

    public List<CustodyItem> overdue(Actor caller) {
        return items.overdue(caller.organisationId(), oversees(caller) ? null : caller.accountId(), now());
    }

    public List<CustodyItem> onDevice(Actor caller, UUID deviceId) {
        device(caller, deviceId);
        List<CustodyItem> all = items.onDevice(caller.organisationId(), deviceId);
        return oversees(caller) ? all : all.stream().filter(i -> i.holderId().equals(caller.accountId())).toList();
    }

    // ---- devices ------------------------------------------------------------------------------

    /** device.approved: a device enters the register; it cannot receive information until its encryption is verified. */
    public Outcome registerDevice(Actor caller, CustodyForms.NewDevice form) {
        requireDeviceManager(caller);
        Map<String, Text> errors = new LinkedHashMap<>();
        DeviceType type = null;
        try {
            type = DeviceType.valueOf(text(form.type()));
        } catch (IllegalArgumentException e) {
            errors.put("type", Text.of("custody.error.type"));
        }
        String tag = required(form.assetTag(), "assetTag", "custody.error.asset-tag", 100, errors);
        String description = text(form.description());
        if (description.length() > 500) {
            errors.put("description", Text.of("custody.error.description.too-long"));
        }
        if (tag != null && devices.tagTaken(caller.organisationId(), tag)) {
            errors.put("assetTag", Text.of("custody.error.asset-tag.taken"));
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        Device device = new Device(UUID.randomUUID(), caller.organisationId(), type, tag, description.isEmpty() ? null : description,
                caller.accountId(), now(), null, null, null, null, null, null, null, 0);
        transaction.executeWithoutResult(status -> {
            devices.insert(device);
            audit.record(deviceEvent("custody.device-registered", caller, device.id()).with("type", device.type().name()));
        });
        return new Outcome(device.id(), Map.of());
    }

    /** device.encrypted: who verified the device's encryption, when, and how. */
    public Outcome verifyEncryption(Actor caller, UUID id, String method) {
        // Not found before forbidden: another organisation's device must not be told apart from a missing one.
        Device device = device(caller, id);
        requireDeviceManager(caller);
        Map<String, Text> errors = new LinkedHashMap<>();
        String how = required(method, "method", "custody.error.method",
                200, errors);
        if (!errors.isEmpty()) {
            return new Outcome(id, errors);
        }
        Device verified = device.verified(caller.accountId(), caller.displayName(), now(), how);
        save(caller, verified, "custody.device-encryption-verified");
        return new Outcome(id, Map.of());
    }

    public Outcome withdraw(Actor caller, UUID id, String reason) {
        Device device = device(caller, id);
        requireDeviceManager(caller);
        Map<String, Text> errors = new LinkedHashMap<>();
        String why = required(reason, "reason", "custody.error.withdraw-reason", 500, errors);
        if (!errors.isEmpty()) {
            return new Outcome(id, errors);
        }
        save(caller, device.withdrawnBy(caller.accountId(), now(), why), "custody.device-withdrawn");
        return new Outcome(id, Map.of());
    }

    public Device device(Actor caller, UUID id) {
        return devices.find(caller.organisationId(), id).orElseThrow(() -> new NotFoundException("Device"));
    }

    public boolean deviceExists(UUID organisationId, UUID id) {
        return devices.find(organisationId, id).isPresent();
    }

    public List<Device> devices(Actor caller) {
        return devices.list(caller.organisationId());
    }

    private void save(Actor caller, Device device, String action) {
        transaction.executeWithoutResult(status -> {
            if (!devices.update(device)) {
                throw new CustodyRefusedException("custody.refused.device-changed");
            }
            audit.record(deviceEvent(action, caller, device.id()));
        });
    }

    private static void requireDeviceManager(Actor caller) {
        if (!managesDevices(caller)) {
            throw new org.springframework.security.access.AccessDeniedException("Only the organisation admin manages approved devices");
        }
    }

    // ---- reading the form ---------------------------------------------------------------------

    private Instant due(CustodyForms.Take form, Instant now, Map<String, Text> errors) {
        if (text(form.dueDate()).isEmpty()) {
            errors.put("dueDate", Text.of("custody.error.due-date"));
            return null;
        }
        LocalDate date = UkTime.date(form.dueDate()).orElse(null);
        if (date == null) {
            errors.put("dueDate", Text.of("custody.error.real-date"));
            return null;
        }
        LocalTime time = text(form.dueTime()).isEmpty() ? LocalTime.of(17, 0) : UkTime.time(form.dueTime()).orElse(null);
        if (time == null) {
            errors.put("dueTime", Text.of("custody.error.due-time"));
            return null;
        }
        Instant due = UkTime.at(date, time);
        if (!due.isAfter(now)) {
            errors.put("dueDate", Text.of("custody.error.due-date.past"));
            return null;
        }
        // hand.return-promptly / device.delete-after-use: "as soon as possible", not indefinitely.
        if (due.isAfter(now.plus(90, ChronoUnit.DAYS))) {
            errors.put("dueDate", Text.of("custody.error.due-date.too-far"));
            return null;
        }
        return due;
    }

    /** device.approved: only an approved device, not withdrawn, whose encryption is verified. */
    private Device usableDevice(Actor caller, String deviceId, Map<String, Text> errors) {
        UUID id = uuid(deviceId);
        if (id == null) {
            errors.put("deviceId", Text.of("custody.error.device"));
            return null;
        }
        Device device = devices.find(caller.organisationId(), id).orElse(null);
        if (device == null) {
            errors.put("deviceId", Text.of("custody.error.device.unknown"));
            return null;
        }
        if (!device.usable()) {
            errors.put("deviceId", Text.of(device.whyNotUsableCode()));
            return null;
        }
        return device;
    }

    private UUID sharingRecord(Actor caller, String text, ItemKind kind, Map<String, Text> errors) {
        if (text(text).isEmpty()) {
            return null;
        }
        UUID id = uuid(text);
        if (id == null) {
            errors.put("sharingRecordId", Text.of("custody.error.sharing-record"));
            return null;
        }
        try {
            Channel channel = sharing.get(caller.organisationId(), id).content().channel();
            Channel expected = kind == ItemKind.DEVICE ? Channel.REMOVABLE_DEVICE : Channel.BY_HAND;
            if (kind != null && channel != expected) {
                errors.put("sharingRecordId", Text.of("custody.error.sharing-record.channel", Text.of("custody.channel." + channel.name()),
                        Text.of("custody.channel." + expected.name())));
                return null;
            }
            return id;
        } catch (NotFoundException e) {
            errors.put("sharingRecordId", Text.of("custody.error.sharing-record"));
            return null;
        }
    }

    /** The text, or null with the catalogue's message {@code code} (or the too-long one) put against the field. */
    static String required(String value, String field, String code, int max, Map<String, Text> errors) {
        String text = text(value);
        if (text.isEmpty()) {
            errors.put(field, Text.of(code));
            return null;
        }
        if (text.length() > max) {
            errors.put(field, Text.of("custody.error.too-long", max));
            return null;
        }
        return text;
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }

    static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static AuditEvent event(String action, Actor caller, CustodyItem item) {
        return AuditEvent.success(action, caller.actorId(), caller.organisationId(), "custody-item:" + item.id());
    }

    private static AuditEvent deviceEvent(String action, Actor caller, UUID deviceId) {
        return AuditEvent.success(action, caller.actorId(), caller.organisationId(), "device:" + deviceId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
