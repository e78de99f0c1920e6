package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
