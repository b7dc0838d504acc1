package org.caseshare.system;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The scheduled jobs as every node shares them, for the system administrator: when each runs next,
 * which node runs it now, and how its last runs went. The security chains let no one else in
 * ({@code /system/**} and {@code /api/v1/system/**}).
 */
@Controller
@ConditionalOnProperty(name = "caseshare.cli", havingValue = "false", matchIfMissing = true)
class ClusterJobsController {

    private final ClusterJobs jobs;

    ClusterJobsController(ClusterJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/system/jobs")
    String page(Model model) {
        model.addAttribute("jobs", jobs.status());
        return "system/jobs";
    }

    @Callers("system admins")
    @GetMapping(path = "/api/v1/system/jobs", produces = "application/json")
    @ResponseBody
    List<ClusterJobs.JobStatus> api() {
        return jobs.status();
    }
}
