package org.caseshare.directory;

class DirectoryApiOnH2IntegrationTests extends DirectoryApiTests {
}
