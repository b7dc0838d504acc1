package org.caseshare.incident;

import org.caseshare.system.MultiLine;

/** What the incident pages and the API submit, as typed. */
public final class IncidentForms {

    private IncidentForms() {
    }

    /** "Report a loss or suspected loss". The links name the sharing record, custody item or device concerned. */
    public record Report(@MultiLine String whatHappened, String discoveredDate, String discoveredTime, String peopleAffected,
            String recordsAffected, @MultiLine String consequences, @MultiLine String actionsTaken, String sharingRecordId, String custodyItemId,
            String deviceId) {
        public Report {
            whatHappened = orEmpty(whatHappened);
            discoveredDate = orEmpty(discoveredDate);
            discoveredTime = orEmpty(discoveredTime);
            peopleAffected = orEmpty(peopleAffected);
            recordsAffected = orEmpty(recordsAffected);
            consequences = orEmpty(consequences);
            actionsTaken = orEmpty(actionsTaken);
            sharingRecordId = orEmpty(sharingRecordId);
            custodyItemId = orEmpty(custodyItemId);
            deviceId = orEmpty(deviceId);
        }
    }

    /** The data protection officer's decision: "yes" or "no" for each, with reasons either way. */
    public record Decide(String notifyIco, @MultiLine String icoReasons, String icoNotifiedOn, String icoReference, @MultiLine String icoDelayReasons,
            String notifyPeople, @MultiLine String peopleReasons, String peopleNotifiedOn) {
        public Decide {
            notifyIco = orEmpty(notifyIco);
            icoReasons = orEmpty(icoReasons);
            icoNotifiedOn = orEmpty(icoNotifiedOn);
            icoReference = orEmpty(icoReference);
            icoDelayReasons = orEmpty(icoDelayReasons);
            notifyPeople = orEmpty(notifyPeople);
            peopleReasons = orEmpty(peopleReasons);
            peopleNotifiedOn = orEmpty(peopleNotifiedOn);
        }

        static Decide blank() {
            return new Decide("", "", "", "", "", "", "", "");
        }
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
