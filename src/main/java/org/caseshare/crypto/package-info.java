/**
 * Crypto: the only module that touches cipher APIs. Google Tink keysets (the key-encryption keyset
 * kept outside the data directory), sealing of small secrets, signing keys, password hashing,
 * readable password generation ({@link org.caseshare.crypto.PasswordGenerator}) and 7-Zip-compatible
 * AES-256 archives for email attachments ({@link org.caseshare.crypto.EncryptedArchive}, with zip4j,
 * kept here though it is not a JCA provider so that every encryption decision lives in one module).
 * Nothing here invents a cipher, a KDF or a random source.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Crypto")
package org.caseshare.crypto;
