package org.caseshare.system;

import java.time.Duration;
import java.util.Objects;

/**
 * Scheduled work that must run once across all nodes, about every {@code every}: a module declares
 * one as a bean and {@link ClusterJobs} runs it. If the work throws, the failure is recorded (and
 * shown on {@code /system/jobs}) and the job runs again after the same interval.
 *
 * @param name a stable name: it is the job's key in the database, shared by every node and release
 */
public record ClusterJob(String name, Duration every, Runnable work) {

    public ClusterJob {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,99}")) {
            throw new IllegalArgumentException("A job's name is lower-case letters, digits and dashes: " + name);
        }
        if (every == null || every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("Job " + name + " needs a positive interval");
        }
        Objects.requireNonNull(work);
    }
}
