package org.caseshare.scim;

/**
 * A request SCIM answers with its error schema: the HTTP status and, where RFC 7644 §3.12 names one,
 * the scimType ({@code invalidFilter}, {@code uniqueness}, {@code invalidValue}, …).
 */
class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimException notFound() {
        return new ScimException(404, null, "No such user.");
    }

    static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    static ScimException invalidSyntax(String detail) {
        return new ScimException(400, "invalidSyntax", detail);
    }

    int status() {
        return status;
    }

    String scimType() {
        return scimType;
    }
}
