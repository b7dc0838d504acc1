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
        Map<String, String> errors = new LinkedHashMap<>();
        ContactDetails details = switch (kind) {
            case SWITCHBOARD -> {
                TelephoneNumber number = field(errors, "telephone", () -> TelephoneNumber.parse(telephone));
                String text = field(errors, "label", () -> Text.optional("label", label, 100, "The description"));
                yield errors.isEmpty() ? field(errors, "telephone", () -> new Switchboard(number, text)) : null;
            }
            case FAX -> {
                TelephoneNumber number = field(errors, "telephone", () -> TelephoneNumber.parse(telephone));
                String text = field(errors, "label", () -> Text.optional("label", label, 100, "The description"));
                yield errors.isEmpty() ? field(errors, "telephone", () -> new FaxNumber(number, text)) : null;
            }
            case EMAIL_DOMAIN -> {
                EmailDomain parsed = field(errors, "domain", () -> EmailDomain.parse(domain));
                Boolean isSecure = field(errors, "secure", this::secureAnswer);
                yield errors.isEmpty() ? new SecureEmailDomain(parsed, isSecure) : null;
            }
            case ADDRESS -> {
                field(errors, "department", () -> Text.optional("department", department, 200, "The department"));
                field(errors, "line1", () -> Text.required("line1", line1, 200, "Enter the first line of the address", "The first line of the address"));
                field(errors, "line2", () -> Text.optional("line2", line2, 200, "The second line of the address"));
                field(errors, "town", () -> Text.required("town", town, 100, "Enter the town or city", "The town or city"));
                Postcode code = field(errors, "postcode", () -> Postcode.parse(postcode));
                yield errors.isEmpty() ? field(errors, "line1", () -> new PostalAddress(department, line1, line2, town, code)) : null;
            }
            case CONTACT -> {
                field(errors, "name", () -> Text.required("name", name, 200, "Enter the contact's full name", "The name"));
                field(errors, "jobTitle", () -> Text.required("jobTitle", jobTitle, 200, "Enter the contact's job title", "The job title"));
                field(errors, "department", () -> Text.required("department", department, 200, "Enter the contact's department", "The department"));
                TelephoneNumber number = blank(telephone) ? null : field(errors, "telephone", () -> TelephoneNumber.parse(telephone));
                EmailAddress address = blank(email) ? null : field(errors, "email", () -> EmailAddress.parse(email));
                yield errors.isEmpty() ? field(errors, "name", () -> new NamedContact(name, jobTitle, department, number, address)) : null;
            }
        };
        if (details != null) {
            policy.breach(details).ifPresent(breach -> errors.put(breach.field(), breach.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
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
        throw new InvalidFieldException("secure", "Select whether email to this domain is secure");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Runs one check; a failure is noted against its field (or the field the rule names) and gives null. */
    private static <T> T field(Map<String, String> errors, String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidFieldException e) {
            errors.putIfAbsent(e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent(field, e.getMessage());
        }
        return null;
    }
}
