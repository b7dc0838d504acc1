package org.caseshare.system;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * The bucket's store, watching the one call only the hub sweep makes (listing unfinished multipart
 * uploads): it counts the sweep's runs across all nodes, and once closed it holds the next run inside
 * the sweep until opened, so a node can be killed mid-run.
 */
final class S3Gate extends ForwardingBlobStore {

    private final AtomicInteger sweeps = new AtomicInteger();
    private volatile Hold hold = new Hold(new CountDownLatch(0), new CountDownLatch(0));

    /** One closing of the gate: released when opened; counted down when a sweep reaches it. */
    private record Hold(CountDownLatch closed, CountDownLatch reached) {
    }

    S3Gate(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public List<MultipartUpload> listMultipartUploads(String container) {
        sweeps.incrementAndGet();
        Hold current = hold;
        current.reached().countDown();
        try {
            current.closed().await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return super.listMultipartUploads(container);
    }

    int sweeps() {
        return sweeps.get();
    }

    /** From now on the next sweep waits inside S3 until {@link #open()}. */
    void hold() {
        hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
    }

    /** Waits until a sweep is being held. */
    boolean awaitHeld(long seconds) throws InterruptedException {
        return hold.reached().await(seconds, TimeUnit.SECONDS);
    }

    void open() {
        hold.closed().countDown();
    }
}
