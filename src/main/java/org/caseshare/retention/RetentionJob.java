package org.caseshare.retention;

import org.caseshare.system.ClusterJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daily listing runs once across the cluster (see system.ClusterJobs). */
@Configuration
class RetentionJob {

    @Bean
    ClusterJob retentionDueJob(Retention retention, RetentionProperties properties) {
        return new ClusterJob("retention-due", properties.listEvery(), retention::runDaily);
    }
}
