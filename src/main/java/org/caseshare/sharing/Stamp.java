package org.caseshare.sharing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.caseshare.system.Actor;

/** Who did something and when: the name is kept as it was, so the record reads the same in years. */
public record Stamp(UUID accountId, String name, Instant at) {

    public Stamp {
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(at);
    }

    /** The person acting, at the time they act. */
    static Stamp of(Actor actor, Instant at) {
        return new Stamp(actor.accountId(), actor.displayName(), at);
    }
}
