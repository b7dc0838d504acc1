import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

/**
 * Tink streaming AES-256-GCM-HKDF encrypt + decrypt throughput by segment size, in a fresh JVM
 * (cold) and after one pass (warm). Run: java -cp <classpath> SegmentSizeBench.java <segmentBytes> <MiB>
 */
public class SegmentSizeBench {
    public static void main(String[] args) throws Exception {
        int segment = Integer.parseInt(args[0]);
        int mib = Integer.parseInt(args[1]);
        StreamingAeadConfig.register();
        StreamingAead aead = KeysetHandle.generateNew(AesGcmHkdfStreamingParameters.builder().setKeySizeBytes(32)
                .setDerivedAesGcmKeySizeBytes(32).setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                .setCiphertextSegmentSizeBytes(segment).build()).getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        byte[] slice = new byte[16 * 1024];
        new SecureRandom().nextBytes(slice);
        for (String pass : new String[] {"cold", "warm"}) {
            long t0 = System.nanoTime();
            ByteArrayOutputStream sink = new ByteArrayOutputStream(mib * 1024 * 1024 + 1024 * 1024);
            try (OutputStream out = aead.newEncryptingStream(sink, new byte[0])) {
                for (int i = 0; i < mib * 64; i++) {
                    out.write(slice);
                }
            }
            long t1 = System.nanoTime();
            byte[] ct = sink.toByteArray();
            sink = null;
            long t2 = System.nanoTime();
            try (InputStream in = aead.newDecryptingStream(new java.io.ByteArrayInputStream(ct), new byte[0])) {
                byte[] buf = new byte[64 * 1024];
                while (in.read(buf) >= 0) { }
            }
            long t3 = System.nanoTime();
            System.out.printf("segment=%d %s encrypt %.0f MB/s decrypt %.0f MB/s%n", segment, pass,
                    mib * 1.048576 / ((t1 - t0) / 1e9), mib * 1.048576 / ((t3 - t2) / 1e9));
        }
    }
}
