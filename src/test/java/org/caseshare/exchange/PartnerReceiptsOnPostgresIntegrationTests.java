package org.caseshare.exchange;

import org.caseshare.support.OnPostgres;

@OnPostgres
class PartnerReceiptsOnPostgresIntegrationTests extends PartnerReceiptsTests {
}
