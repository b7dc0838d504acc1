package org.caseshare.audit;

/** Told of every committed entry, so a checkpoint can follow the N-th one at once. */
interface CheckpointTrigger {

    void entryCommitted(long seq);
}
