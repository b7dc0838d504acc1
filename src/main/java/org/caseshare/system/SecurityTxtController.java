package org.caseshare.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /.well-known/security.txt} (RFC 9116) and the disclosure policy it points to, public: a
 * researcher who finds a problem on a council's installation learns whom to tell without signing in.
 */
@RestController
class SecurityTxtController {

    static final MediaType PLAIN_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    private static final String POLICY = "release/SECURITY.md";

    private final SecurityTxtProperties properties;
    private final String baseUrl;
    private final Clock clock;

    SecurityTxtController(SecurityTxtProperties properties, @Value("${caseshare.base-url}") String baseUrl, Clock clock) {
        this.properties = properties;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clock = clock;
    }

    @GetMapping("/.well-known/security.txt")
    ResponseEntity<String> securityTxt() {
        StringBuilder text = new StringBuilder();
        for (String contact : properties.contact()) {
            text.append("Contact: ").append(contact).append('\n');
        }
        Instant expires = clock.instant().plus(properties.expiresAfter()).truncatedTo(ChronoUnit.SECONDS);
        text.append("Expires: ").append(expires).append('\n');
        text.append("Preferred-Languages: ").append(properties.preferredLanguages()).append('\n');
        text.append("Canonical: ").append(baseUrl).append("/.well-known/security.txt\n");
        String policy = properties.policy().isEmpty() ? baseUrl + "/security-policy" : properties.policy();
        text.append("Policy: ").append(policy).append('\n');
        return ResponseEntity.ok().contentType(PLAIN_UTF8).body(text.toString());
    }

    /** SECURITY.md as shipped in the jar, so that the Policy link works on every installation. */
    @GetMapping("/security-policy")
    ResponseEntity<String> policy() throws IOException {
        try (InputStream in = new ClassPathResource(POLICY).getInputStream()) {
            return ResponseEntity.ok().contentType(PLAIN_UTF8).body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
