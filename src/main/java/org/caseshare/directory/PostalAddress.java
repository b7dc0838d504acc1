package org.caseshare.directory;

import java.util.Objects;

/** Where post goes; the guide says confirm the name, department and address of the recipient. */
public record PostalAddress(String department, String line1, String line2, String town, Postcode postcode) implements ContactDetails {

    public PostalAddress {
        Objects.requireNonNull(postcode);
        department = Text.optional("department", department, 200, "directory.error.department.what");
        line1 = Text.required("line1", line1, 200, "directory.error.line1.missing", "directory.error.line1.what");
        line2 = Text.optional("line2", line2, 200, "directory.error.line2.what");
        town = Text.required("town", town, 100, "directory.error.town.missing", "directory.error.town.what");
    }

    @Override
    public ContactPointKind kind() {
        return ContactPointKind.ADDRESS;
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (department != null) {
            text.append(department).append(", ");
        }
        text.append(line1).append(", ");
        if (line2 != null) {
            text.append(line2).append(", ");
        }
        return text.append(town).append(", ").append(postcode.value()).toString();
    }
}
