package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Page uploads never put plaintext on disk: through the real server (Tomcat), a file is held
 * half-sent while the servlet container's temporary folder and the blob store are searched for a
 * random marker from its content; nothing may contain it. The streaming PUT (what hub-upload.js
 * sends) encrypts as it arrives; the multipart form (no JavaScript) is limited to 10 MB kept in memory.
 */
class HubUploadSpoolIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    Packages packages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MultipartConfigElement multipart;
    @Autowired
    ServletContext servletContext;
    @Value("${caseshare.data-dir}")
    Path dataDir;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theMultipartLimitIsSmallAndEveryPartStaysInMemory() {
        assertThat(multipart.getMaxFileSize()).as("no longer raised to the hub's 2 GB for every path").isLessThanOrEqualTo(10 * 1024 * 1024);
        assertThat((long) multipart.getFileSizeThreshold()).as("a part within the limit is never written to disk")
                .isGreaterThan(multipart.getMaxFileSize());
    }

    @Test
    void aStreamedPageUploadAndASmallMultipartUploadLeaveNoPlaintextOnDisk() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("School");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        DirectoryEntry entry = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                school.name(), OrganisationKind.SCHOOL);
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Account partner = fixtures.person(school, Role.PARTNER);
        Actor sender = new Actor(practitioner.id(), council.id(), practitioner.displayName(), Set.of(Role.PRACTITIONER.name()));
        UUID packageId = packages.create(sender, new NewPackage(null, List.of(partner.email()), null, null, "None", 7, 3,
                fixtures.hubShare(practitioner, entry, partner.email())));
        String cookie = "__Host-caseshare=" + fixtures.signIn(mvc, practitioner).sessionCookie();
        String page = http.send(HttpRequest.newBuilder(uri("/hub/packages/" + packageId)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"caseshare-csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as(page).isTrue();

        // 1. The streaming PUT, 3 MiB, paused after 2 MiB
        String marker = "PLAINTEXT-MARKER-" + UUID.randomUUID();
        HeldBody body = new HeldBody(marker, 3 * 1024 * 1024, 2 * 1024 * 1024);
        CompletableFuture<HttpResponse<String>> put = http.sendAsync(HttpRequest.newBuilder(uri("/hub/packages/" + packageId + "/files?name="
                        + URLEncoder.encode("notes.txt", StandardCharsets.UTF_8)))
                .header("Cookie", cookie).header("X-CSRF-TOKEN", token.group(1)).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(body.held.await(60, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(500); // let the server take in what was sent (a pause, not a timed assertion)
        assertThat(filesContaining(marker)).as("plaintext on disk while uploading").isEmpty();
        body.release.countDown();
        HttpResponse<String> done = put.get(60, TimeUnit.SECONDS);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        assertThat(filesContaining(marker)).isEmpty();

        // 2. The form without JavaScript: multipart, 900 KB, paused after 800 KB
        String marker2 = "PLAINTEXT-MARKER-" + UUID.randomUUID();
        String boundary = "----caseshare" + UUID.randomUUID();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token.group(1) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"small.txt\"\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HeldBody form = new HeldBody(marker2, 900 * 1024, 800 * 1024, head.toByteArray(), tail);
        CompletableFuture<HttpResponse<String>> post = http.sendAsync(HttpRequest.newBuilder(uri("/hub/packages/" + packageId + "/files"))
                .header("Cookie", cookie).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.held.await(60, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(500);
        assertThat(filesContaining(marker2)).as("plaintext on disk while uploading").isEmpty();
        form.release.countDown();
        HttpResponse<String> posted = post.get(60, TimeUnit.SECONDS);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(filesContaining(marker2)).isEmpty();
        assertThat(jdbc.sql("select count(*) from hub_file where package_id = ?").param(packageId).query(Integer.class).single()).isEqualTo(2);

        // 3. A larger multipart upload is refused without being spooled
        String boundary3 = "----caseshare" + UUID.randomUUID();
        byte[] large = multipartBody(boundary3, token.group(1), new byte[12 * 1024 * 1024]);
        try {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/hub/packages/" + packageId + "/files")).header("Cookie", cookie)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary3).POST(HttpRequest.BodyPublishers.ofByteArray(large))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isIn(403, 413);
        } catch (java.io.IOException closed) {
            // Tomcat reads at most 2 MB of a refused body (maxSwallowSize), then closes the connection:
            // the client may see that instead of the answer. Refused either way.
        }
        assertThat(jdbc.sql("select count(*) from hub_file where package_id = ?").param(packageId).query(Integer.class).single()).isEqualTo(2);
    }

    private static byte[] multipartBody(String boundary, String csrf, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Files under the servlet container's temporary folder and the data directory (blobs) whose bytes contain the marker. */
    private List<Path> filesContaining(String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        List<Path> roots = List.of(((java.io.File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath(), dataDir);
        List<Path> found = new java.util.ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    try {
                        if (contains(Files.readAllBytes(file), needle)) {
                            found.add(file);
                        }
                    } catch (IOException gone) {
                        // a temporary file removed while walking
                    }
                }
            }
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A request body of a repeated marker that stops after {@code holdAt} bytes until released. */
    static final class HeldBody extends InputStream {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final byte[] head;
        private final byte[] pattern;
        private final byte[] tail;
        private final long size;
        private final long holdAt;
        private long position;

        HeldBody(String marker, long size, long holdAt) {
            this(marker, size, holdAt, new byte[0], new byte[0]);
        }

        HeldBody(String marker, long size, long holdAt, byte[] head, byte[] tail) {
            this.pattern = (marker + "\n").getBytes(StandardCharsets.US_ASCII);
            this.head = head;
            this.tail = tail;
            this.size = size;
            this.holdAt = holdAt;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long total = head.length + size + tail.length;
            if (position >= total) {
                return -1;
            }
            if (position == head.length + holdAt && held.getCount() > 0) {
                held.countDown();
                try {
                    release.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            long limit = position < head.length + holdAt ? head.length + holdAt : total;
            int n = (int) Math.min(len, limit - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                b[off + i] = p < head.length ? head[(int) p]
                        : p < head.length + size ? pattern[(int) ((p - head.length) % pattern.length)]
                        : tail[(int) (p - head.length - size)];
            }
            position += n;
            return n;
        }
    }
}
