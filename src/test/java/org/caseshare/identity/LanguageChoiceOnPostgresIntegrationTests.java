package org.caseshare.identity;

import org.caseshare.support.OnPostgres;

@OnPostgres
class LanguageChoiceOnPostgresIntegrationTests extends LanguageChoiceTests {
}
