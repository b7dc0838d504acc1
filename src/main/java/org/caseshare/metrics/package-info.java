/**
 * Metrics: the domain meters on /actuator/prometheus (behind the management token). Counters follow the
 * audit trail ({@link org.caseshare.audit.AuditRecorded}, published after each entry commits: every
 * action worth counting is audited already), gauges read the shared queues (audit sequencer, mail) at
 * scrape time, and a timer wraps the blob store. Labels come only from enums and fixed words, never
 * from names, addresses or free text.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metrics",
        allowedDependencies = {"audit", "policy", "mail", "crypto", "storage"})
package org.caseshare.metrics;
