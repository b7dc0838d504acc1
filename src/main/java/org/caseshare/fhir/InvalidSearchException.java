package org.caseshare.fhir;

/** A search parameter a health system sent that cannot be read; answered as an OperationOutcome (400). */
class InvalidSearchException extends RuntimeException {

    InvalidSearchException(String message) {
        super(message);
    }
}
