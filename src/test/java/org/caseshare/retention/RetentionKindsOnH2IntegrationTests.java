package org.caseshare.retention;

class RetentionKindsOnH2IntegrationTests extends RetentionKindsTests {
}
