package org.caseshare.document;

/** Who a fax is for: the guide asks that the cover sheet clearly states it. */
public record FaxRecipient(String name, String organisation, String faxNumber) {

    public FaxRecipient {
        name = Require.text("recipient name", name, Addressee.MAX_LENGTH);
        organisation = Require.text("recipient organisation", organisation, Addressee.MAX_LENGTH);
        faxNumber = Require.telephone("fax number", faxNumber);
    }
}
