package org.caseshare.system;

class ClusterJobsOnH2IntegrationTests extends ClusterJobsTests {
}
