package org.caseshare.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.system.Attachments;
import org.springframework.http.HttpHeaders;

/**
 * Writes a counted download: always an attachment (RFC 6266 name), never sniffed, sandboxed if a
 * browser ever renders it, never cached; the plaintext streams through in 256 KiB slices
 * with its length declared.
 */
final class DownloadResponses {

    static final String SANDBOX = "sandbox; default-src 'none'";
    static final int COPY_BUFFER = 256 * 1024;

    private DownloadResponses() {
    }

    static void write(HttpServletResponse response, Packages.Download download) throws IOException {
        try (download; InputStream in = download.open()) {
            response.setContentType("application/octet-stream");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Attachments.header(download.name()));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", SANDBOX);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
            response.setContentLengthLong(download.size());
            // larger writes to the socket, fewer of them: the container's default buffer is 8 KiB
            response.setBufferSize(COPY_BUFFER);
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            out.flush();
        }
    }
}
