/**
 * Crypto: the only module that touches cipher APIs. Google Tink keysets (the key-encryption keyset
 * kept outside the data directory), sealing of small secrets, signing keys, password hashing and
 * password generation. Nothing here invents a cipher, a KDF or a random source.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Crypto")
package org.caseshare.crypto;
