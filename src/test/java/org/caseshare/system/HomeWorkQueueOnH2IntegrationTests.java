package org.caseshare.system;

class HomeWorkQueueOnH2IntegrationTests extends HomeWorkQueueTests {
}
