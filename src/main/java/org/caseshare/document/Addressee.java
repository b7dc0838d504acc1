package org.caseshare.document;

import java.util.Objects;

/**
 * Who a posted share is for, as the guide asks to confirm them: name, department and address; the
 * job title when known. Only the inner envelope names them.
 */
public record Addressee(String name, String jobTitle, String department, String organisation, PostalAddress address) {

    public static final int MAX_LENGTH = 70;

    public Addressee {
        name = Require.text("name", name, MAX_LENGTH);
        jobTitle = Require.optional("job title", jobTitle, MAX_LENGTH);
        department = Require.text("department", department, MAX_LENGTH);
        organisation = Require.text("organisation", organisation, MAX_LENGTH);
        Objects.requireNonNull(address, "address");
    }
}
