package org.caseshare.storage;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where blobs go.
 *
 * @param type {@code filesystem} (default: {@code <data-dir>/blobs}) or {@code s3}
 * @param s3   the S3-compatible bucket when type is s3
 */
@ConfigurationProperties("caseshare.storage")
public record StorageProperties(String type, S3 s3) {

    public StorageProperties {
        type = type == null || type.isBlank() ? "filesystem" : type;
    }

    /**
     * @param endpoint      e.g. https://s3.eu-west-2.amazonaws.com or a MinIO/Ceph URL; empty for AWS default
     * @param bucket        the bucket (must exist)
     * @param region        signing region
     * @param accessKeyId   empty to use the AWS default credentials chain
     * @param secretAccessKey its secret
     * @param pathStyle     path-style addressing (most non-AWS servers need it)
     * @param partSizeMb    multipart part size in MiB, at least 5
     */
    public record S3(URI endpoint, String bucket, String region, String accessKeyId, String secretAccessKey,
                     Boolean pathStyle, Integer partSizeMb) {
    }
}
