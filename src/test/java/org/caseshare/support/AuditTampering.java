package org.caseshare.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Gives tests that tamper with the audit tables a context (and so a database) of their own, where
 * checkpoints are signed and entries sequenced only when a test asks: no background checkpoint can
 * sign a tampered tree behind the test's back, and no other test sees the damage.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestPropertySource(properties = {"caseshare.audit.checkpoint-every-entries=1000000000", "caseshare.audit.sequencer-enabled=false",
        "caseshare.audit.checkpoint-dir=target/test-data/tampering-checkpoints"})
public @interface AuditTampering {
}
