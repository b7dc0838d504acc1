package org.caseshare.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How nodes share scheduled work (see {@link ClusterJobs}).
 *
 * @param pollEvery        how often each node looks for jobs that are due
 * @param heartbeatEvery   how often a node running a job says it is still alive
 * @param missedHeartbeats heartbeats missed (at least 4) before a running job counts as dead and runs again
 *                         elsewhere; a killed node's job restarts after about
 *                         {@code heartbeatEvery × missedHeartbeats}
 * @param nodeName         this node's name in the job table (default: host name and process id)
 */
@ConfigurationProperties("caseshare.jobs")
public record JobsProperties(Duration pollEvery, Duration heartbeatEvery, int missedHeartbeats, String nodeName) {

    public JobsProperties {
        pollEvery = pollEvery == null ? Duration.ofSeconds(10) : pollEvery;
        heartbeatEvery = heartbeatEvery == null ? Duration.ofSeconds(10) : heartbeatEvery;
        missedHeartbeats = missedHeartbeats <= 0 ? 4 : missedHeartbeats;
        if (missedHeartbeats < 4) {
            throw new IllegalArgumentException("caseshare.jobs.missed-heartbeats must be at least 4 (db-scheduler needs it): " + missedHeartbeats);
        }
        nodeName = nodeName == null || nodeName.isBlank() ? ProcessHandle.current().pid() + "@" + host() : nodeName;
    }

    private static String host() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.length() > 150 ? host.substring(0, 150) : host;
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
