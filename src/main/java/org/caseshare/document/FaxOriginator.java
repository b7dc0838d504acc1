package org.caseshare.document;

/** Who sends a fax, with the telephone number a wrong recipient is asked to ring. */
public record FaxOriginator(String name, String organisation, String telephone) {

    public FaxOriginator {
        name = Require.text("originator name", name, Addressee.MAX_LENGTH);
        organisation = Require.text("originator organisation", organisation, Addressee.MAX_LENGTH);
        telephone = Require.telephone("originator telephone", telephone);
    }
}
