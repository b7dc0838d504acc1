package org.caseshare.channels;

import org.caseshare.support.OnPostgres;

@OnPostgres
class ChannelsJourneyOnPostgresIntegrationTests extends ChannelsJourneyTests {
}
