/**
 * Storage: the {@link org.caseshare.storage.BlobStore} port for large opaque objects (the secure
 * hub's encrypted files) with a filesystem adapter ({@code <data-dir>/blobs}) and an S3-compatible
 * adapter, chosen by {@code caseshare.storage.type}. Writes are atomic: a blob is either complete
 * and visible or absent. Stores only ciphertext; knows nothing about keys.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage")
package org.caseshare.storage;
