package org.caseshare.exchange;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A hub file's stored bytes failed authentication: it can never be downloaded, so 410 like other
 * files that are no longer available, with its own problem type so that API clients can tell it
 * from expiry and ask the sender to send it again.
 */
class FileDamagedException extends ResponseStatusException {

    static final URI TYPE = URI.create("https://caseshare.org/problems/file-damaged");
    static final String DETAIL = "This file is damaged in storage and cannot be downloaded. The sender has been told: ask them to send it again.";

    FileDamagedException() {
        super(HttpStatus.GONE, DETAIL);
        getBody().setType(TYPE);
        getBody().setTitle("File damaged");
    }
}
