package org.caseshare.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a thread should do only once it holds no database connection: waiting, above all. A
 * transaction's after-commit callbacks run while its connection is still taken from the pool (Spring
 * gives it back last), so a callback that waits there keeps a connection idle that others need. The
 * audit trail's writers paused there for the sequencer, whose catching up needs a connection: with as
 * many writers as connections, every writer waited out its whole pause and everyone else queued for
 * the pool (issue #15). Work handed in here runs once the thread's outermost transaction has given its
 * connection back ({@link ReleasingTransactionManager}), or at once when the thread is in no
 * transaction. Work handed in twice before then (equal objects) runs once.
 */
public final class AfterConnectionRelease {

    private static final Logger log = LoggerFactory.getLogger(AfterConnectionRelease.class);
    /** How many transactions' connections this thread holds: more than one while an outer one is suspended. */
    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);
    private static final ThreadLocal<Set<Runnable>> WAITING = ThreadLocal.withInitial(LinkedHashSet::new);

    private AfterConnectionRelease() {
    }

    public static void run(Runnable work) {
        if (HELD.get()[0] == 0) {
            work.run();
        } else {
            WAITING.get().add(work);
        }
    }

    static void taken() {
        HELD.get()[0]++;
    }

    static void released() {
        int[] held = HELD.get();
        held[0] = Math.max(0, held[0] - 1);
        if (held[0] > 0) {
            return;
        }
        List<Runnable> due = new ArrayList<>(WAITING.get());
        HELD.remove();
        WAITING.remove();
        for (Runnable work : due) {
            try {
                work.run();
            } catch (RuntimeException e) {
                // The transaction has committed: what was to follow it must not turn that into a failure.
                log.warn("Work after a transaction's connection was released failed: {}", e.toString());
            }
        }
    }
}
