package org.caseshare.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies in 256 KiB slices (one pipe chunk; fewer calls per GiB) and stops with 413 the moment the limit is passed. */
final class LimitedCopy {

    static final int SLICE = 256 * 1024;

    private LimitedCopy() {
    }

    static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[SLICE];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > max) {
                throw HubExceptions.tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}
