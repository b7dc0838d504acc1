package org.caseshare.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** The wait between attempts, and the reason kept for the system administrator, without a server. */
class MailRetryScheduleTests {

    private final MailRetries retries = new MailRetries(options -> { }, new MailProperties("caseshare@localhost", Duration.ofMinutes(1),
            Duration.ofMinutes(1), Duration.ofHours(6)), Clock.systemUTC());

    @Test
    void theWaitDoublesWithEachResubmissionUpToTheLongest() {
        assertThat(retries.wait(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retries.wait(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(retries.wait(5)).isEqualTo(Duration.ofMinutes(32));
        assertThat(retries.wait(9)).isEqualTo(Duration.ofHours(6));
        assertThat(retries.wait(1000)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void theReasonNamesTheExceptionsAndNeverTheServersText() {
        MessagingException refused = new MessagingException("Could not connect to SMTP host for robin@example.org",
                new ConnectException("Connection refused"));
        String reason = MailFailures.reason(new MailSendException(Map.of(new Object(), refused)));
        assertThat(reason).isEqualTo("MailSendException > MessagingException > ConnectException").doesNotContain("robin");
    }
}
