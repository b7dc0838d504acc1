package org.caseshare.system;

import java.util.List;

/**
 * What one module has waiting for the signed-in person, for the home page. Each module implements it
 * with its own queries (scoped to the person's organisation, and to the person where the work is
 * theirs), so the home page needs no module's internals and system depends on none of them.
 */
public interface WorkQueue {

    /** This person's work in the module, most urgent first; empty when there is none or their roles do not see it. */
    List<WorkItem> workFor(Actor actor);
}
