package org.caseshare.channels;

class ChannelsJourneyOnH2IntegrationTests extends ChannelsJourneyTests {
}
