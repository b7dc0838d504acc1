package org.caseshare.system;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request line or header it cannot parse, before any filter runs)
 * carry the service's security headers and a short plain text naming no server, version or cause,
 * instead of Tomcat's HTML report. Answers the application wrote keep the headers it chose.
 */
class PlainErrorReportValve extends ErrorReportValve {

    PlainErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted()) {
            return;
        }
        SecurityHeaders.asHeaders().forEach((name, value) -> {
            if (response.getHeader(name) == null) {
                response.setHeader(name, value);
            }
        });
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (response.getContentWritten() > 0 || !ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(status + " " + reason(status) + "\n");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response was already started: nothing more to say to it.
        }
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known == HttpStatus.BAD_REQUEST ? "Bad request" : known.getReasonPhrase();
    }
}
