package org.medpub.cms.site.control;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which of the cluster's numbered changes this instance has applied to its pages. Changes are
 * announced by message and kept for a while in a log on the grid; a message can be lost, so every
 * so often the grid's latest number is compared with what was applied, and what is missing is read
 * from the log. A change missing from the log twice in a row (it was announced before the log had
 * it, then never written, or the log expired it), too many missing changes, or a latest number
 * below what was applied (the grid lost its memory) make every page stale: this instance cannot
 * tell which.
 */
final class ChangeLedger {

    /** More missing changes than this are not read one by one: every page is stale. */
    static final int MAX_MISSING = 1000;

    /** Every change up to this number is applied. */
    private long applied;
    /** Applied changes beyond {@link #applied}. */
    private final TreeSet<Long> beyond = new TreeSet<>();
    /** Changes that the log did not have at the last catch-up: maybe still on their way. */
    private Set<Long> suspects = Set.of();

    /** Records a change; true when it is new here, so its pages must be dropped. */
    synchronized boolean apply(long change) {
        if (change <= applied || beyond.contains(change)) {
            return false;
        }
        beyond.add(change);
        while (!beyond.isEmpty() && beyond.first() == applied + 1) {
            applied = beyond.pollFirst();
        }
        return true;
    }

    /**
     * What is stale after comparing with the grid's latest change number, reading the keys of the
     * changes not yet applied from the log (by number; an absent number is not in the log).
     */
    synchronized StalePages catchUp(long latest, Function<Set<Long>, Map<Long, Set<String>>> log) {
        if (latest < lastApplied()) {
            applied = latest;
            beyond.clear();
            suspects = Set.of();
            return StalePages.ALL;
        }
        Set<Long> missing = new TreeSet<>();
        for (long change = applied + 1; change <= latest && missing.size() <= MAX_MISSING; change++) {
            if (!beyond.contains(change)) {
                missing.add(change);
            }
        }
        if (missing.isEmpty()) {
            suspects = Set.of();
            return StalePages.NONE;
        }
        if (missing.size() > MAX_MISSING) {
            startAt(latest);
            return StalePages.ALL;
        }
        Map<Long, Set<String>> logged = log.apply(missing);
        Set<String> keys = new HashSet<>();
        Set<Long> stillMissing = new HashSet<>();
        boolean lost = false;
        for (long change : missing) {
            Set<String> changed = logged.get(change);
            if (changed != null) {
                keys.addAll(changed);
                apply(change);
            } else if (suspects.contains(change)) {
                lost = true;
                apply(change);
            } else {
                stillMissing.add(change);
            }
        }
        suspects = stillMissing;
        return lost ? StalePages.ALL : StalePages.of(keys);
    }

    /** Counts every change up to this number as applied: those before this instance had any page. */
    synchronized void startAt(long latest) {
        applied = Math.max(applied, latest);
        beyond.headSet(applied, true).clear();
        while (!beyond.isEmpty() && beyond.first() == applied + 1) {
            applied = beyond.pollFirst();
        }
        suspects = Set.of();
    }

    synchronized long lastApplied() {
        return beyond.isEmpty() ? applied : beyond.last();
    }
}
