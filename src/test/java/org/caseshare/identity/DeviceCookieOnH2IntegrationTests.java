package org.caseshare.identity;

class DeviceCookieOnH2IntegrationTests extends DeviceCookieTests {
}
