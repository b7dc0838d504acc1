package org.caseshare.audit;

/** Told by the sequencer, after its batch committed, that entries {@code from + 1} to {@code to} are in the tree. */
interface CheckpointTrigger {

    void sequenced(long from, long to);
}
