package org.caseshare.identity;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Sign-in attempts counted in this process, in token buckets. Memory is bounded without ever
 * resetting everyone (which would hand every attacker a fresh allowance): past the capacity it first
 * forgets counts that have refilled (forgetting those loses nothing), then the least recently used
 * forgettable ones (made-up names, addresses). A real account's failures are never forgotten early;
 * there are only as many of those as there are accounts.
 */
class InMemorySignInAttempts implements SignInAttempts {

    private final int capacity;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private static final class Entry {
        final Bucket bucket;
        final Allowance allowance;
        volatile long lastUsed = System.nanoTime();

        Entry(Allowance allowance) {
            this.allowance = allowance;
            this.bucket = Bucket.builder().addLimit(Bandwidth.builder().capacity(allowance.attempts())
                    .refillGreedy(allowance.attempts(), allowance.window()).build()).build();
        }

        boolean full() {
            return bucket.getAvailableTokens() >= allowance.attempts();
        }
    }

    InMemorySignInAttempts(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public long take(String key, Allowance allowance) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry(allowance));
        entry.lastUsed = System.nanoTime();
        // Take before trimming: a new entry is full until then, and a full entry may be forgotten.
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        if (entries.size() > capacity) {
            trim();
        }
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }

    @Override
    public void giveBack(String key, Allowance allowance) {
        Entry entry = entries.get(key);
        if (entry != null && !entry.full()) {
            entry.bucket.addTokens(1);
        }
    }

    /** Number of keys kept now (for tests of the bound). */
    int size() {
        return entries.size();
    }

    private synchronized void trim() {
        if (entries.size() <= capacity) {
            return;
        }
        entries.values().removeIf(Entry::full);
        int target = capacity - capacity / 10; // room to grow before the next trim
        if (entries.size() > target) {
            entries.entrySet().stream().filter(e -> e.getValue().allowance.forgettable())
                    .sorted(Comparator.comparingLong(e -> e.getValue().lastUsed))
                    .limit(entries.size() - target).map(Map.Entry::getKey).toList()
                    .forEach(entries::remove);
        }
    }
}
