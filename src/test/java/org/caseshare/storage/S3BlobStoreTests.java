package org.caseshare.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Instant;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 adapter against a real S3-compatible server (s3proxy, in memory, on loopback). */
class S3BlobStoreTests extends BlobStoreContract {

    static S3Proxy proxy;
    static S3Client client;
    static S3BlobStore store;

    @BeforeAll
    static void startS3() throws Exception {
        proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test-id", "test-secret")
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        client = StorageConfiguration.client(new StorageProperties.S3(URI.create("http://127.0.0.1:" + proxy.getPort()),
                "hub-test", "eu-west-2", "test-id", "test-secret", true, 5));
        client.createBucket(b -> b.bucket("hub-test"));
        store = new S3BlobStore(client, "hub-test", S3BlobStore.MIN_PART);
    }

    @AfterAll
    static void stopS3() throws Exception {
        client.close();
        proxy.stop();
    }

    @Override
    BlobStore store() {
        return store;
    }

    /** Readiness's probe: a HEAD on the bucket, which fails for a bucket that is not there. */
    @Test
    void theProbeAnswersForTheBucketAndFailsForOneThatIsNotThere() {
        store.probe();
        assertThatThrownBy(() -> new S3BlobStore(client, "no-such-bucket", S3BlobStore.MIN_PART).probe()).isInstanceOf(StorageException.class);
    }

    @Test
    void largeBlobsGoUpInPartsAndComeBackWhole() throws Exception {
        byte[] data = random(12 * 1024 * 1024 + 17);
        assertThat(store.put("hub/big/one", new ByteArrayInputStream(data))).isEqualTo(data.length);
        try (InputStream in = store.get("hub/big/one")) {
            assertThat(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        }
        // exactly one part
        byte[] exact = random(S3BlobStore.MIN_PART);
        assertThat(store.put("hub/big/exact", new ByteArrayInputStream(exact))).isEqualTo(exact.length);
        try (InputStream in = store.get("hub/big/exact")) {
            assertThat(in.readAllBytes()).isEqualTo(exact);
        }
    }

    @Test
    void aMultipartUploadThatFailsLeavesNoObjectAndNoUpload() {
        assertThatThrownBy(() -> store.put("hub/big/broken", failingAfter(7 * 1024 * 1024)))
                .isInstanceOf(StorageException.class);
        assertThat(store.exists("hub/big/broken")).isFalse();
        assertThat(client.listMultipartUploads(b -> b.bucket("hub-test")).uploads()).isEmpty();
    }

    @Test
    void abandonedUploadsAreAbortedByTheCleanUp() throws IOException {
        client.createMultipartUpload(b -> b.bucket("hub-test").key("hub/abandoned/x"));
        assertThat(client.listMultipartUploads(b -> b.bucket("hub-test")).uploads()).isNotEmpty();
        assertThat(store.removeIncomplete(Instant.now().minusSeconds(3600))).isZero();
        assertThat(store.removeIncomplete(Instant.now().plusSeconds(60))).isGreaterThanOrEqualTo(1);
        assertThat(client.listMultipartUploads(b -> b.bucket("hub-test")).uploads()).isEmpty();
    }
}
