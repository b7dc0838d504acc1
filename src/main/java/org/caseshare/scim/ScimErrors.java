package org.caseshare.scim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every failure of the SCIM controllers in SCIM's error schema, never the API's problem details:
 * Entra ID reads {@code status} and {@code scimType} to decide whether to retry. No stack traces.
 */
@RestControllerAdvice(assignableTypes = {ScimUsersController.class, ScimDiscoveryController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrors {

    private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);

    @ExceptionHandler(ScimException.class)
    ResponseEntity<ScimError> scim(ScimException e) {
        return error(e.status(), e.scimType(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ScimError> unreadable(HttpMessageNotReadableException e) {
        return error(400, "invalidSyntax", "The request body is not a JSON object SCIM can read.");
    }

    /** A user id that is not even a UUID is simply not found: it cannot be anyone's. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ScimError> mismatch(MethodArgumentTypeMismatchException e) {
        if ("id".equals(e.getName())) {
            return error(404, null, "No such user.");
        }
        return error(400, "invalidValue", "The parameter " + e.getName() + " has the wrong type.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ScimError> missing(MissingServletRequestParameterException e) {
        return error(400, "invalidValue", "The parameter " + e.getParameterName() + " is missing.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ScimError> method(HttpRequestMethodNotSupportedException e) {
        return error(405, null, "This address does not take " + e.getMethod() + ".");
    }

    /** Two creates of one userName at once: the database's unique constraint decides, as a 409. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ScimError> conflict(DataIntegrityViolationException e) {
        return error(409, "uniqueness", "A user with this userName already exists.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ScimError> unexpected(Exception e) {
        // The class only: a message could carry what the provider sent, which is personal data.
        log.error("SCIM request failed: {}", e.getClass().getName());
        return error(500, null, "Something went wrong. Try again later.");
    }

    static ResponseEntity<ScimError> error(int status, String scimType, String detail) {
        return ResponseEntity.status(status).contentType(ScimMediaType.SCIM_JSON).body(ScimError.of(status, scimType, detail));
    }
}
