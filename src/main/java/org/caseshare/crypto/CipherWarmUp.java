package org.caseshare.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the secure hub's file encryption and decryption over throwaway data once, in the background,
 * when the application has started.
 *
 * <p>Why: in a fresh JVM AES-GCM runs as plain Java (about 100 MB/s) until the JIT has compiled the
 * callers of the AES-NI and carry-less-multiply intrinsics, which takes a few hundred MiB of traffic
 * (STACK.md, "AES-GCM is slow in a cold JVM"); warm, the same code does several GB/s. Without this the
 * first person to upload a large file after a restart pays for the warm-up (a 1 GiB upload took
 * twice as long as the next one). The work goes through the very methods uploads and downloads use
 * ({@link FileEncryption#encryptingStream}, {@link FileEncryption#decryptingStream}) so that it is
 * their code that gets compiled; the key is fresh and the data zeros, neither kept.
 *
 * <p>It runs on one low-priority daemon thread after the application is ready, so start-up is not
 * delayed; {@code caseshare.crypto.warm-up-mb=0} turns it off (the tests do: many short-lived
 * contexts would each spend a core on it).
 */
@Component
class CipherWarmUp {

    private static final Logger log = LoggerFactory.getLogger(CipherWarmUp.class);
    /** Encrypted once and decrypted again and again: a quarter of a round's encryption, held in memory. */
    private static final int SAMPLE = 8 * 1024 * 1024;
    /** What an upload hands the cipher per write (LimitedCopy's slice) and a download reads per call. */
    private static final int CHUNK = 256 * 1024;

    private final FileEncryption encryption;
    private final int megabytes;

    CipherWarmUp(FileEncryption encryption, @Value("${caseshare.crypto.warm-up-mb:256}") int megabytes) {
        this.encryption = encryption;
        this.megabytes = megabytes;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (megabytes <= 0) {
            return;
        }
        Thread thread = new Thread(this::runQuietly, "cipher-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void runQuietly() {
        long started = System.nanoTime();
        try {
            long bytes = run((long) megabytes * 1024 * 1024);
            log.info("File ciphers warmed up ({} MiB encrypted and decrypted in {} ms)", bytes >> 20,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            // Only speed is at stake: the first upload will warm the ciphers itself.
            log.warn("Warming up the file ciphers failed: {}", e.toString());
        }
    }

    /** Encrypts and decrypts {@code total} bytes each; returns what was encrypted. */
    long run(long total) throws IOException {
        FileContext context = new FileContext(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        WrappedKey key = encryption.newKey(context);
        byte[] chunk = new byte[CHUNK];
        ByteArrayOutputStream sample = new ByteArrayOutputStream(SAMPLE + SAMPLE / 64);
        encrypt(key, context, sample, chunk, SAMPLE);
        byte[] ciphertext = sample.toByteArray();
        long encrypted = SAMPLE;
        long decrypted = 0;
        while (encrypted < total || decrypted < total) {
            if (encrypted < total) {
                encrypt(key, context, OutputStream.nullOutputStream(), chunk, SAMPLE);
                encrypted += SAMPLE;
            }
            if (decrypted < total) {
                try (InputStream in = encryption.decryptingStream(new ByteArrayInputStream(ciphertext), key, context, null)) {
                    while (in.read(chunk) >= 0) {
                        // the bytes are discarded: only the work matters
                    }
                }
                decrypted += SAMPLE;
            }
        }
        return encrypted;
    }

    private void encrypt(WrappedKey key, FileContext context, OutputStream sink, byte[] chunk, int length) throws IOException {
        try (OutputStream out = encryption.encryptingStream(sink, key, context)) {
            for (int written = 0; written < length; written += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, length - written));
            }
        }
    }
}
