package org.caseshare.channels;

class ChannelsApiOnH2IntegrationTests extends ChannelsApiTests {
}
