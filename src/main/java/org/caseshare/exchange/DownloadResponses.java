package org.caseshare.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.crypto.ContentAuthenticationException;
import org.caseshare.system.Attachments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * Writes a counted download: always an attachment (RFC 6266 name), never sniffed, sandboxed if a
 * browser ever renders it, never cached; the plaintext streams through in 256 KiB slices
 * with its length declared.
 *
 * <p>A stored file found damaged part way through must never look complete: if nothing has been
 * sent yet the response becomes the damaged-file problem; otherwise it ends short of its declared
 * length and the connection closes ({@code Connection: close}), which every HTTP client reports
 * as a failed transfer. No error body is appended to the file.
 */
final class DownloadResponses {

    private static final Logger log = LoggerFactory.getLogger(DownloadResponses.class);

    static final String SANDBOX = "sandbox; default-src 'none'";
    static final int COPY_BUFFER = 256 * 1024;
    private static final int CUT_SHORT = -2;

    private DownloadResponses() {
    }

    static void write(HttpServletResponse response, Download download) throws IOException {
        try (download; InputStream in = download.open()) {
            response.setContentType("application/octet-stream");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Attachments.header(download.name()));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", SANDBOX);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
            // a body cut short must end the connection, not wait on a kept-alive one for bytes that never come
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.setContentLengthLong(download.size());
            // larger writes to the socket, fewer of them: the container's default buffer is 8 KiB
            response.setBufferSize(COPY_BUFFER);
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[COPY_BUFFER];
            long read = 0;
            boolean completed = false;
            int n;
            while ((n = read(in, buffer, download, response)) >= 0) {
                read += n;
                if (read >= download.size() && !completed) {
                    // every byte is read and authenticated: the receipt is recorded before the last of them leaves
                    download.complete();
                    completed = true;
                }
                out.write(buffer, 0, n);
            }
            if (n == CUT_SHORT) {
                return;
            }
            if (!completed) {
                download.complete();
            }
            out.flush();
        }
    }

    /** Reads the next slice: -1 at the end, {@link #CUT_SHORT} when damage stopped a download already under way. */
    private static int read(InputStream in, byte[] buffer, Download download, HttpServletResponse response) throws IOException {
        try {
            return in.read(buffer);
        } catch (ContentAuthenticationException e) {
            try {
                download.damaged();
            } catch (RuntimeException recordingFailed) {
                // the client must still see the failure, and an exception now would be appended to the file
                log.error("Could not record a damaged hub file", recordingFailed);
            }
            if (!response.isCommitted()) {
                response.reset();
                throw new FileDamagedException();
            }
            // Headers and part of the body are out: stop here, short of the Content-Length, and let
            // the connection close. Throwing instead would have an error page appended to the file.
            return CUT_SHORT;
        }
    }
}
