package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medpub.cms.platform.control.BusinessException;

class RevisionPreconditionTest {

    @Test
    void item17_aStarNamesNoRevisionAndIsRefusedLikeAMissingHeader() {
        var refused = assertThrows(BusinessException.PreconditionRequired.class,
                () -> new RevisionPrecondition("*").check(3));
        assertEquals(428, refused.status());
        assertThrows(BusinessException.PreconditionRequired.class, () -> new RevisionPrecondition("\"r3\", *").check(3));
    }

    @Test
    void theCurrentRevisionsTagPassesAndAnOlderOneIsStale() {
        assertDoesNotThrow(() -> new RevisionPrecondition("\"r2\", \"r3\"").check(3));
        assertThrows(BusinessException.StaleRevision.class, () -> new RevisionPrecondition("\"r2\"").check(3));
        assertThrows(BusinessException.PreconditionRequired.class, () -> new RevisionPrecondition(null).check(3));
    }

    @Test
    void theServersOwnSaveOverTheCurrentRevisionNeedsNoHeader() {
        assertDoesNotThrow(() -> RevisionPrecondition.overCurrent().check(9));
    }

    @Test
    void aTagNamesOneRevisionInQuotes() {
        assertEquals("\"r7\"", RevisionPrecondition.tagOf(7));
        assertDoesNotThrow(() -> new RevisionPrecondition(RevisionPrecondition.tagOf(7)).check(7));
    }

    @Test
    void anEmptyOrBlankHeaderIsRefusedLikeAMissingOneNamingTheCurrentTag() {
        for (String header : new String[] {"", "   "}) {
            var refused = assertThrows(BusinessException.PreconditionRequired.class,
                    () -> new RevisionPrecondition(header).check(4));
            assertTrue(refused.getMessage().contains("\"r4\""), refused.getMessage());
        }
        assertFalse(new RevisionPrecondition("").sent());
        assertFalse(new RevisionPrecondition(null).sent());
        assertTrue(new RevisionPrecondition("\"r1\"").sent());
        assertTrue(RevisionPrecondition.overCurrent().sent());
    }

    @Test
    void tagsAreComparedStronglyAndWhole() {
        // RFC 9110: If-Match compares strongly, so a weak tag never matches
        assertThrows(BusinessException.StaleRevision.class, () -> new RevisionPrecondition("W/\"r3\"").check(3));
        assertThrows(BusinessException.StaleRevision.class, () -> new RevisionPrecondition("r3").check(3));
        assertThrows(BusinessException.StaleRevision.class, () -> new RevisionPrecondition("\"r30\"").check(3));
        assertThrows(BusinessException.StaleRevision.class, () -> new RevisionPrecondition("\"r3\"").check(30));
        assertThrows(BusinessException.StaleRevision.class, () -> new RevisionPrecondition("\"R3\"").check(3));
    }

    @Test
    void aListMatchesWhenAnyOfItsTagsIsTheCurrentOneWhateverTheSpaces() {
        assertDoesNotThrow(() -> new RevisionPrecondition("  \"r1\" ,\"r3\"  ").check(3));
        assertDoesNotThrow(() -> new RevisionPrecondition("\"r3\",\"r1\"").check(3));
    }

    @Test
    void aStaleSaveIs412AndAMissingTag428() {
        assertEquals(412, assertThrows(BusinessException.StaleRevision.class,
                () -> new RevisionPrecondition("\"r2\"").check(3)).status());
        assertEquals(428, assertThrows(BusinessException.PreconditionRequired.class,
                () -> new RevisionPrecondition(null).check(3)).status());
    }
}
