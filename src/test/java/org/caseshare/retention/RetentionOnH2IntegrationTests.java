package org.caseshare.retention;

class RetentionOnH2IntegrationTests extends RetentionTests {
}
