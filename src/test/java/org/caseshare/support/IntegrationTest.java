package org.caseshare.support;

import org.caseshare.storage.BlobStore;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one configuration every integration test shares, so that Spring builds two contexts in all
 * (H2, and PostgreSQL for subclasses marked {@link OnPostgres}) and reuses them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(IntegrationTest.Clocks.class)
public abstract class IntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    public static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        /** Tests read the outbox once the email queued by what they did has been delivered. */
        @Bean
        @Primary
        SettledOutbox settledOutbox(BlobStore blobs, JdbcClient jdbc) {
            return new SettledOutbox(blobs, jdbc);
        }

        @Bean
        Fixtures fixtures(org.caseshare.directory.Directory organisations, org.caseshare.identity.Members members,
                org.caseshare.identity.ApiTokens tokens, TestClock clock, org.caseshare.sharing.SharingRegister register) {
            return new Fixtures(organisations, members, tokens, clock, register);
        }
    }
}
