package org.caseshare.channels;

import jakarta.servlet.http.HttpServletResponse;

import org.caseshare.system.Attachments;
import org.caseshare.system.FormErrors;
import org.springframework.http.HttpHeaders;

/** What the channel pages share: errors in the GOV.UK summary, and downloads that are never cached. */
final class Forms {

    private Forms() {
    }

    static FormErrors errors(ChannelInputException e) {
        FormErrors errors = FormErrors.none();
        e.texts().forEach(errors::add);
        return errors;
    }

    static void download(HttpServletResponse response, String type, String fileName) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Attachments.header(fileName));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
