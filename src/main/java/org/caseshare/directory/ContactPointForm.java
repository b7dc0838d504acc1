package org.caseshare.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A contact point as typed on a page or sent to the API, every field a string. {@link #toDetails}
 * checks every field (so a form lists every problem at once) and the mail-domain rules.
 *
 * @param secure ‘yes’ or ‘no’ (the API may send true or false)
 */
record ContactPointForm(String label, String telephone, String domain, String secure, String department, String line1,
        String line2, String town, String postcode, String name, String jobTitle, String email) {

    static ContactPointForm empty() {
        return new ContactPointForm("", "", "", "", "", "", "", "", "", "", "", "");
    }

    static ContactPointForm of(ContactDetails details) {
        if (details instanceof Switchboard s) {
            return new ContactPointForm(nz(s.label()), s.number().display(), "", "", "", "", "", "", "", "", "", "");
        }
        if (details instanceof FaxNumber f) {
            return new ContactPointForm(nz(f.label()), f.number().display(), "", "", "", "", "", "", "", "", "", "");
        }
        if (details instanceof SecureEmailDomain d) {
            return new ContactPointForm("", "", d.domain().value(), d.secure() ? "yes" : "no", "", "", "", "", "", "", "", "");
        }
        if (details instanceof PostalAddress a) {
            return new ContactPointForm("", "", "", "", nz(a.department()), a.line1(), nz(a.line2()), a.town(), a.postcode().value(),
                    "", "", "");
        }
        NamedContact c = (NamedContact) details;
        return new ContactPointForm("", c.telephone() == null ? "" : c.telephone().display(), "", "", c.department(), "", "", "", "",
                c.name(), c.jobTitle(), c.email() == null ? "" : c.email().value());
    }

    ContactPointForm withTelephone(String number) {
        return new ContactPointForm(label, number, domain, secure, department, line1, line2, town, postcode, name, jobTitle, email);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** The details these fields describe, or {@link InvalidInputException} listing every problem. */
    ContactDetails toDetails(ContactPointKind kind, MailDomainPolicy policy) {
        Problems problems = new Problems();
        ContactDetails details = switch (kind) {
            case SWITCHBOARD -> {
                TelephoneNumber number = field(problems, "telephone", () -> TelephoneNumber.parse(telephone));
                String text = field(problems, "label", () -> Text.optional("label", label, 100, "directory.error.label.what"));
                yield problems.isEmpty() ? field(problems, "telephone", () -> new Switchboard(number, text)) : null;
            }
            case FAX -> {
                TelephoneNumber number = field(problems, "telephone", () -> TelephoneNumber.parse(telephone));
                String text = field(problems, "label", () -> Text.optional("label", label, 100, "directory.error.label.what"));
                yield problems.isEmpty() ? field(problems, "telephone", () -> new FaxNumber(number, text)) : null;
            }
            case EMAIL_DOMAIN -> {
                EmailDomain parsed = field(problems, "domain", () -> EmailDomain.parse(domain));
                Boolean isSecure = field(problems, "secure", this::secureAnswer);
                yield problems.isEmpty() ? new SecureEmailDomain(parsed, isSecure) : null;
            }
            case ADDRESS -> {
                field(problems, "department", () -> Text.optional("department", department, 200, "directory.error.department.what"));
                field(problems, "line1", () -> Text.required("line1", line1, 200, "directory.error.line1.missing", "directory.error.line1.what"));
                field(problems, "line2", () -> Text.optional("line2", line2, 200, "directory.error.line2.what"));
                field(problems, "town", () -> Text.required("town", town, 100, "directory.error.town.missing", "directory.error.town.what"));
                Postcode code = field(problems, "postcode", () -> Postcode.parse(postcode));
                yield problems.isEmpty() ? field(problems, "line1", () -> new PostalAddress(department, line1, line2, town, code)) : null;
            }
            case CONTACT -> {
                field(problems, "name", () -> Text.required("name", name, 200, "directory.error.contact-name.missing", "directory.error.contact-name.what"));
                field(problems, "jobTitle", () -> Text.required("jobTitle", jobTitle, 200, "directory.error.job-title.missing", "directory.error.job-title.what"));
                field(problems, "department", () -> Text.required("department", department, 200, "directory.error.contact-department.missing", "directory.error.department.what"));
                TelephoneNumber number = blank(telephone) ? null : field(problems, "telephone", () -> TelephoneNumber.parse(telephone));
                EmailAddress address = blank(email) ? null : field(problems, "email", () -> EmailAddress.parse(email));
                yield problems.isEmpty() ? field(problems, "name", () -> new NamedContact(name, jobTitle, department, number, address)) : null;
            }
        };
        if (details != null) {
            policy.breach(details).ifPresent(breach -> problems.put(breach.field(), breach));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.english, problems.texts);
        }
        return details;
    }

    private Boolean secureAnswer() {
        if ("yes".equalsIgnoreCase(nz(secure).strip()) || "true".equalsIgnoreCase(nz(secure).strip())) {
            return Boolean.TRUE;
        }
        if ("no".equalsIgnoreCase(nz(secure).strip()) || "false".equalsIgnoreCase(nz(secure).strip())) {
            return Boolean.FALSE;
        }
        throw InvalidFieldException.coded("secure", "directory.error.secure");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Runs one check; a failure is noted against its field (or the field the rule names) and gives null. */
    private static <T> T field(Problems problems, String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidFieldException e) {
            problems.putIfAbsent(e.field(), e);
        } catch (IllegalArgumentException e) {
            problems.putIfAbsent(field, e);
        }
        return null;
    }

    /** The problems found, by field: in English (the API) and as catalogue texts (the pages). */
    private static final class Problems {
        final Map<String, String> english = new LinkedHashMap<>();
        final Map<String, org.caseshare.system.Text> texts = new LinkedHashMap<>();

        void putIfAbsent(String field, IllegalArgumentException e) {
            if (!english.containsKey(field)) {
                put(field, e);
            }
        }

        void put(String field, IllegalArgumentException e) {
            english.put(field, e.getMessage());
            texts.put(field, InvalidValueException.textOf(e));
        }

        boolean isEmpty() {
            return english.isEmpty();
        }
    }
}
