package org.caseshare.directory;

import java.util.List;
import java.util.Optional;

/** The guide's telephone advice for a number given for one organisation. */
final class TelephoneChecker {

    private TelephoneChecker() {
    }

    static TelephoneCheck check(DirectoryEntry entry, TelephoneNumber number) {
        List<ContactPoint> switchboards = entry.contactPoints(ContactPointKind.SWITCHBOARD);
        List<ContactPoint> same = switchboards.stream()
                .filter(point -> ((Switchboard) point.details()).number().equals(number)).toList();
        if (same.stream().anyMatch(ContactPoint::verified)) {
            return new TelephoneCheck(number, entry.id(), TelephoneCheck.Verdict.VERIFIED_SWITCHBOARD,
                    number.display() + " is the verified switchboard of " + entry.name() + ".");
        }
        if (!same.isEmpty()) {
            return new TelephoneCheck(number, entry.id(), TelephoneCheck.Verdict.UNVERIFIED_SWITCHBOARD,
                    number.display() + " is listed as the switchboard of " + entry.name() + " but nobody has verified it yet."
                            + " If you are in any doubt, confirm the requestor's identity with their organisation.");
        }
        Optional<String> callBack = switchboards.stream().sorted(java.util.Comparator.comparing((ContactPoint p) -> !p.verified()))
                .map(point -> ((Switchboard) point.details()).number().display()).findFirst();
        String via = callBack.map(n -> " Call back through the switchboard on " + n + ".")
                .orElse(" Your directory has no switchboard for " + entry.name() + ": confirm the requestor's identity with their organisation.");
        if (number.mobile()) {
            return new TelephoneCheck(number, entry.id(), TelephoneCheck.Verdict.MOBILE, number.display()
                    + " is a mobile number. The guide says try to avoid a direct line or mobile wherever possible." + via);
        }
        return new TelephoneCheck(number, entry.id(), TelephoneCheck.Verdict.DIRECT_LINE, number.display()
                + " is not a switchboard of " + entry.name() + " in your directory: treat it as a direct line." + via);
    }
}
