package org.caseshare.sharing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.system.Dates;
import org.caseshare.system.Folding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Record a share" offers the details the register already holds for a person typed on the form:
 * found by their case reference, or by their name and date of birth, on this organisation's earlier
 * records only. The form shows each offer with a "Use these details" button (a submit, so it works
 * without JavaScript) and never fills a row silently. Like the register's subject view, a look-up is
 * not audited: it shows the organisation's own records to its own staff, and saves nothing.
 */
@Component
class RegisterPeople {

    /** At most this many different people offered for one row: more means the typed details are too loose. */
    static final int OFFERS_PER_ROW = 3;

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/yyyy");

    /**
     * A person as an earlier record holds them, offered for one row of the form.
     *
     * @param value what "Use these details" sends: the row, the record and the person's place on it (identifiers, not personal data)
     */
    record Offer(String value, String name, String born, String reference, String nhsNumber, String source) {
    }

    /** What "Use these details" put in a row, for the form to say so. */
    record Filled(ShareForm form, int row, String source) {
    }

    private record Found(UUID recordId, int position, String reference, Subject subject) {
    }

    private final JdbcClient jdbc;

    RegisterPeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For each row of people on the form, the people on the register its typed reference, or name and date of birth, match. */
    List<List<Offer>> offers(ShareForm form, UUID organisationId) {
        List<List<Offer>> all = new ArrayList<>();
        for (int row = 0; row < form.subjectName().size(); row++) {
            all.add(offers(form, organisationId, row));
        }
        return all;
    }

    /** The form with one row filled from the person "Use these details" names; empty when that person is not on this organisation's register. */
    Optional<Filled> use(ShareForm form, UUID organisationId, String choice) {
        String[] parts = choice.split(":", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        try {
            int row = Integer.parseInt(parts[0]);
            UUID recordId = UUID.fromString(parts[1]);
            int position = Integer.parseInt(parts[2]);
            if (row < 0 || row >= form.subjectName().size()) {
                return Optional.empty();
            }
            return found("s.organisation_id = ? and s.record_id = ? and s.position = ?", List.of(organisationId, recordId, position))
                    .stream().findFirst().map(f -> new Filled(form.withPerson(row, f.subject().name(),
                            f.subject().dateOfBirth() == null ? "" : TYPED.format(f.subject().dateOfBirth()),
                            s(f.subject().localReference()), f.subject().nhsNumber() == null ? "" : f.subject().nhsNumber().formatted()),
                            row, f.reference()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private List<Offer> offers(ShareForm form, UUID organisationId, int row) {
        String reference = Subject.key(at(form.subjectReference(), row));
        String name = Folding.fold(at(form.subjectName(), row));
        LocalDate born = ShareFormReader.date(at(form.subjectDateOfBirth(), row)).orElse(null);
        List<String> either = new ArrayList<>();
        List<Object> params = new ArrayList<>(List.of(organisationId));
        if (reference != null) {
            either.add("s.reference_key = ?");
            params.add(reference);
        }
        if (name != null && !name.isBlank() && born != null) {
            either.add("(s.name_folded = ? and s.date_of_birth = ?)");
            params.add(name);
            params.add(born);
        }
        if (either.isEmpty()) {
            return List.of();
        }
        // the latest record's version of each different person, and not the person the row already holds
        Map<List<String>, Found> people = new LinkedHashMap<>();
        for (Found f : found("s.organisation_id = ? and (" + String.join(" or ", either) + ")", params)) {
            people.putIfAbsent(identity(f.subject()), f);
        }
        List<String> typed = List.of(s(at(form.subjectName(), row)).strip(), born == null ? "" : born.toString(),
                s(at(form.subjectReference(), row)).strip(), NhsNumber.parse(at(form.subjectNhsNumber(), row)).map(NhsNumber::digits).orElse(""));
        return people.entrySet().stream().filter(e -> !e.getKey().equals(typed)).limit(OFFERS_PER_ROW).map(e -> offer(row, e.getValue()))
                .toList();
    }

    private List<Found> found(String where, List<Object> params) {
        return jdbc.sql("select s.record_id, s.position, s.name, s.date_of_birth, s.local_reference, s.nhs_number, r.reference"
                        + " from sharing_subject s join sharing_record r on r.id = s.record_id and r.organisation_id = s.organisation_id"
                        + " where " + where + " order by r.created_at desc, s.position limit 50")
                .params(params)
                .query((rs, n) -> new Found(rs.getObject("record_id", UUID.class), rs.getInt("position"), rs.getString("reference"),
                        new Subject(rs.getString("name"), rs.getObject("date_of_birth", LocalDate.class), rs.getString("local_reference"),
                                rs.getString("nhs_number") == null ? null : new NhsNumber(rs.getString("nhs_number")))))
                .list();
    }

    private static Offer offer(int row, Found f) {
        Subject p = f.subject();
        return new Offer(row + ":" + f.recordId() + ":" + f.position(), p.name(), p.dateOfBirth() == null ? null : Dates.date(p.dateOfBirth()),
                p.localReference(), p.nhsNumber() == null ? null : p.nhsNumber().formatted(), f.reference());
    }

    private static List<String> identity(Subject p) {
        return List.of(p.name(), p.dateOfBirth() == null ? "" : p.dateOfBirth().toString(), s(p.localReference()),
                p.nhsNumber() == null ? "" : p.nhsNumber().digits());
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    private static String s(String value) {
        return value == null ? "" : value;
    }
}
