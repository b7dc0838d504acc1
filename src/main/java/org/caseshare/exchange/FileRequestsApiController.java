package org.caseshare.exchange;

import java.util.List;
import java.util.UUID;

import org.caseshare.system.Actor;
import org.caseshare.system.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests for files over HTTP with a personal access token. Answering one ({@code POST …/fulfil})
 * returns a draft package addressed to the requester: upload into it with
 * {@code PUT /api/v1/packages/{id}/files} and send it with {@code POST /api/v1/packages/{id}/send}.
 */
@RestController
@RequestMapping("/api/v1/file-requests")
class FileRequestsApiController {

    private final FileRequests requests;

    FileRequestsApiController(FileRequests requests) {
        this.requests = requests;
    }

    @Callers("requesting organisation / the named person")
    @GetMapping
    FileRequestLists list(Actor caller) {
        return new FileRequestLists(requests.made(caller), requests.received(caller));
    }

    @Callers("practitioners")
    @PostMapping
    ResponseEntity<FileRequest> create(Actor caller, @RequestBody NewFileRequest form) {
        UUID id = requests.create(caller, form);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/file-requests/" + id).body(requests.get(caller, id));
    }

    @Callers("requesting organisation, the named person")
    @GetMapping("/{id}")
    FileRequest get(Actor caller, @PathVariable UUID id) {
        return requests.get(caller, id);
    }

    /** Requests the caller's organisation made, and those addressed to the caller. */
    record FileRequestLists(List<FileRequest> made, List<FileRequest> received) {
    }

    /** The draft package addressed back to the requester; sending it fulfils the request. */
    record Fulfilment(UUID packageId) {
    }

    @Callers("the named person")
    @PostMapping("/{id}/fulfil")
    ResponseEntity<Fulfilment> fulfil(Actor caller, @PathVariable UUID id) {
        UUID packageId = requests.fulfil(caller, id);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/packages/" + packageId).body(new Fulfilment(packageId));
    }

    @Callers("the requester, organisation admins")
    @PostMapping("/{id}/cancel")
    ResponseEntity<Void> cancel(Actor caller, @PathVariable UUID id) {
        requests.cancel(caller, id);
        return ResponseEntity.noContent().build();
    }
}
