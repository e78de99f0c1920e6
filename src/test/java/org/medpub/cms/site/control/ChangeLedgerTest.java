package org.medpub.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The version guard: an instance finds the changes whose message it missed, or drops every page. */
class ChangeLedgerTest {

    /** The grid's change log: keys by change number. */
    private final Map<Long, Set<String>> log = new HashMap<>();
    private final Function<Set<Long>, Map<Long, Set<String>>> readLog = numbers -> {
        Map<Long, Set<String>> found = new HashMap<>();
        numbers.stream().filter(log::containsKey).forEach(n -> found.put(n, log.get(n)));
        return found;
    };

    private void announce(long change, long article, String locale) {
        log.put(change, PageDependency.ofStep(article, locale));
    }

    @Test
    void aChangeIsAppliedOnceWhetherItsMessageOrTheLogBringsIt() {
        ChangeLedger ledger = new ChangeLedger();
        announce(1, 42, "en");

        assertTrue(ledger.apply(1));
        assertFalse(ledger.apply(1), "the same message twice");
        assertEquals(StalePages.NONE, ledger.catchUp(1, readLog), "nothing missed");
    }

    @Test
    void aLostMessageIsFoundInTheLogAndOnlyItsPagesGo() {
        ChangeLedger ledger = new ChangeLedger();
        announce(1, 42, "en");
        announce(2, 43, "de");
        announce(3, 44, "fr");
        ledger.apply(1);
        ledger.apply(3); // the message of change 2 never arrived

        StalePages stale = ledger.catchUp(3, readLog);

        assertEquals(StalePages.of(PageDependency.ofStep(43, "de")), stale);
        assertFalse(ledger.apply(2), "its message arriving late changes nothing more");
        assertEquals(StalePages.NONE, ledger.catchUp(3, readLog));
    }

    @Test
    void aChangeNotYetInTheLogIsWaitedForOnceThenEveryPageGoes() {
        ChangeLedger ledger = new ChangeLedger();
        announce(1, 42, "en");
        ledger.apply(1);

        // change 2 is counted on the grid, but its keys are not (yet) in the log
        assertEquals(StalePages.NONE, ledger.catchUp(2, readLog), "maybe still on its way");
        assertEquals(StalePages.ALL, ledger.catchUp(2, readLog), "still missing: this instance cannot tell what changed");
        assertEquals(StalePages.NONE, ledger.catchUp(2, readLog), "and does not drop everything again");
    }

    @Test
    void aChangeWrittenToTheLogSoonAfterItsNumberIsNoReasonToDropEverything() {
        ChangeLedger ledger = new ChangeLedger();

        assertEquals(StalePages.NONE, ledger.catchUp(1, readLog));
        announce(1, 42, "en");

        assertEquals(StalePages.of(PageDependency.ofStep(42, "en")), ledger.catchUp(1, readLog));
    }

    @Test
    void aGridThatForgotItsChangesMakesEveryPageStale() {
        ChangeLedger ledger = new ChangeLedger();
        ledger.startAt(500);
        ledger.apply(501);

        // the whole grid restarted: its counter starts again below what this instance applied
        assertEquals(StalePages.ALL, ledger.catchUp(3, readLog));
        announce(4, 42, "en");
        assertTrue(ledger.apply(4), "numbers from the new counter are applied again");
    }

    @Test
    void tooManyMissedChangesAreNotReadOneByOne() {
        ChangeLedger ledger = new ChangeLedger();
        for (long n = 1; n <= ChangeLedger.MAX_MISSING + 5; n++) {
            announce(n, n, "en");
        }

        assertEquals(StalePages.ALL, ledger.catchUp(ChangeLedger.MAX_MISSING + 5, readLog));
        assertEquals(ChangeLedger.MAX_MISSING + 5, ledger.lastApplied());
    }

    @Test
    void changesBeforeThisInstanceStartedAreNotItsConcern() {
        ChangeLedger ledger = new ChangeLedger();
        ledger.startAt(40);
        announce(41, 42, "en");

        assertEquals(StalePages.of(PageDependency.ofStep(42, "en")), ledger.catchUp(41, readLog));
    }
}
