package org.caseshare.exchange;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The secure hub's refusals, each with the status pages and the API answer with. */
final class HubExceptions {

    private HubExceptions() {
    }

    static ResponseStatusException gone() {
        return new ResponseStatusException(HttpStatus.GONE, "This package has expired, been revoked or reached its download limit");
    }

    static ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than the hub accepts");
    }

    static ResponseStatusException notDraft() {
        return new ResponseStatusException(HttpStatus.CONFLICT, "Files can only be added before the package is sent");
    }

    static ResponseStatusException acknowledgementRequired() {
        return new ResponseStatusException(HttpStatus.CONFLICT, "Acknowledge the conditions before downloading");
    }

    static ResponseStatusException wrongPassword() {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, "The package password is missing or wrong");
    }
}
