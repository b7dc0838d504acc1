package org.caseshare.storage;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Chooses the blob store from {@code caseshare.storage.type}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    BlobStore blobStore(StorageProperties properties, @Value("${caseshare.data-dir}") Path dataDir) {
        return switch (properties.type()) {
            case "filesystem" -> new FileSystemBlobStore(dataDir.resolve("blobs"));
            case "s3" -> s3(properties.s3());
            default -> throw new IllegalStateException("caseshare.storage.type must be filesystem or s3");
        };
    }

    static S3BlobStore s3(StorageProperties.S3 s3) {
        if (s3 == null || s3.bucket() == null || s3.bucket().isBlank()) {
            throw new IllegalStateException("Set caseshare.storage.s3.bucket");
        }
        return new S3BlobStore(client(s3), s3.bucket(),
                (s3.partSizeMb() == null ? 8 : s3.partSizeMb()) * 1024 * 1024);
    }

    static S3Client client(StorageProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region() == null || s3.region().isBlank() ? "eu-west-2" : s3.region()))
                .forcePathStyle(s3.pathStyle() == null || s3.pathStyle());
        if (s3.endpoint() != null && !s3.endpoint().toString().isBlank()) {
            builder.endpointOverride(s3.endpoint());
        }
        if (s3.accessKeyId() != null && !s3.accessKeyId().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
