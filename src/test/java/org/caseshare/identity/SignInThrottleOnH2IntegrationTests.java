package org.caseshare.identity;

class SignInThrottleOnH2IntegrationTests extends SignInThrottleTests {
}
