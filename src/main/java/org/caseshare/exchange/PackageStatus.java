package org.caseshare.exchange;

public enum PackageStatus {
    DRAFT("Draft"), SENT("Sent"), REVOKED("Revoked"), EXPIRED("Expired");

    private final String label;

    PackageStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
