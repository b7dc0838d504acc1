package org.caseshare.policy;

/** Kinds of personal information that change how carefully it must be shared (UK GDPR Art. 9, 10). */
public enum InformationCategory {
    PERSONAL("Personal information", "Ordinary personal data: name, contact details, case details."),
    SPECIAL_CATEGORY("Special category",
            "Health, ethnicity, religion, sexuality and the other kinds UK GDPR Art. 9 protects."),
    CRIMINAL_OFFENCE("Criminal offence",
            "Allegations, proceedings or convictions (UK GDPR Art. 10)."),
    CHILD_SAFEGUARDING("Child safeguarding",
            "Concerns that a child is suffering, or is likely to suffer, significant harm."),
    ADULT_SAFEGUARDING("Adult safeguarding",
            "Concerns about an adult at risk of abuse or neglect.");

    private final String displayName;
    private final String meaning;

    InformationCategory(String displayName, String meaning) {
        this.displayName = displayName;
        this.meaning = meaning;
    }

    public String displayName() {
        return displayName;
    }

    public String meaning() {
        return meaning;
    }
}
