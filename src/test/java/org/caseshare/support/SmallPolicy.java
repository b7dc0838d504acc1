package org.caseshare.support;

/** A small valid policy file; tests of the loader's errors change one thing in it at a time. */
public final class SmallPolicy {

    /** Line numbers in the tests that use it refer to this text. */
    public static final String TEXT = """
            version: 1
            title: Test policy
            full-record-due-after-emergency: 24h
            bulk-from-records: 1000
            safeguards:
              - id: post.double-envelope
                channels: [post]
                text: Seal the information in a double envelope.
                guide: Seal the information in a double envelope
            rules:
              - id: baseline
                because: Every channel is open with its checklist.
                guide: take a risk based approach
                then:
                  channels: all
                  outcome: allowed
            """;

    private SmallPolicy() {
    }
}
