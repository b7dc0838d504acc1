/**
 * Keys and ciphers: the only module that touches cipher APIs (Google Tink), so every other module
 * asks it to sign, verify, encrypt or decrypt and never handles a primitive itself.
 */
package org.caseshare.crypto;
