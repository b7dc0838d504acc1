package org.caseshare.directory;

/**
 * A person at the organisation. The guide asks to verify ‘the name, job title, department and
 * organisation’ of anyone requesting information, so all three are required. Their telephone may be a
 * direct line or a mobile (shown as such); their email may not be personal webmail.
 */
public record NamedContact(String name, String jobTitle, String department, TelephoneNumber telephone, EmailAddress email)
        implements ContactDetails {

    public NamedContact {
        name = Text.required("name", name, 200, "directory.error.contact-name.missing", "directory.error.contact-name.what");
        jobTitle = Text.required("jobTitle", jobTitle, 200, "directory.error.job-title.missing", "directory.error.job-title.what");
        department = Text.required("department", department, 200, "directory.error.contact-department.missing", "directory.error.department.what");
    }

    @Override
    public ContactPointKind kind() {
        return ContactPointKind.CONTACT;
    }

    @Override
    public String summary() {
        return name + ", " + jobTitle + ", " + department;
    }
}
