package org.caseshare.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs in an S3-compatible bucket. Small blobs go up in one PUT; larger ones as a multipart upload
 * (one part in memory at a time), completed only when the whole stream was read. S3 makes an object
 * visible only on a successful PUT or CompleteMultipartUpload, so a failed or killed writer leaves
 * no object; its abandoned multipart upload is aborted here on failure, or by {@link #removeIncomplete}.
 */
public class S3BlobStore implements BlobStore {

    static final int MIN_PART = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final int partSize;

    public S3BlobStore(S3Client s3, String bucket, int partSize) {
        if (partSize < MIN_PART) {
            throw new IllegalArgumentException("S3 parts must be at least 5 MiB");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    @Override
    public long put(String key, InputStream content) {
        BlobStore.checkKey(key);
        try {
            byte[] first = content.readNBytes(partSize);
            if (first.length < partSize) {
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(first));
                return first.length;
            }
            return multipart(key, first, content);
        } catch (IOException | SdkException e) {
            throw new StorageException("Cannot store a blob", e);
        }
    }

    private long multipart(String key, byte[] first, InputStream content) throws IOException {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long size = 0;
            byte[] part = first;
            int number = 1;
            while (part.length > 0) {
                int partNumber = number++;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
                        RequestBody.fromBytes(part)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                size += part.length;
                part = content.readNBytes(partSize);
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
            completed = true;
            return size;
        } finally {
            if (!completed) {
                try {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
                } catch (SdkException ignored) {
                    // removeIncomplete aborts it later
                }
            }
        }
    }

    @Override
    public InputStream get(String key) {
        BlobStore.checkKey(key);
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new BlobNotFoundException(key);
        } catch (SdkException e) {
            throw new StorageException("Cannot read a blob", e);
        }
    }

    @Override
    public void delete(String key) {
        BlobStore.checkKey(key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new StorageException("Cannot delete a blob", e);
        }
    }

    /** HEAD on the bucket: the cheapest call that proves the endpoint, the credentials and the bucket. */
    @Override
    public void probe() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new StorageException("Cannot reach the bucket", e);
        }
    }

    @Override
    public boolean exists(String key) {
        BlobStore.checkKey(key);
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new StorageException("Cannot check a blob", e);
        }
    }

    @Override
    public List<String> keysOlderThan(String prefix, Instant cutoff) {
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                if (object.lastModified().isBefore(cutoff)) {
                    keys.add(object.key());
                }
            }
        } catch (SdkException e) {
            throw new StorageException("Cannot list blobs", e);
        }
        return keys;
    }

    @Override
    public int removeIncomplete(Instant cutoff) {
        int aborted = 0;
        try {
            ListMultipartUploadsResponse uploads = s3.listMultipartUploads(b -> b.bucket(bucket));
            for (MultipartUpload upload : uploads.uploads()) {
                if (upload.initiated() != null && upload.initiated().isBefore(cutoff)) {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                    aborted++;
                }
            }
        } catch (SdkException e) {
            throw new StorageException("Cannot clean incomplete uploads", e);
        }
        return aborted;
    }
}
