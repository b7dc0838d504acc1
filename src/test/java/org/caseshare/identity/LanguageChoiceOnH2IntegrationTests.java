package org.caseshare.identity;

class LanguageChoiceOnH2IntegrationTests extends LanguageChoiceTests {
}
