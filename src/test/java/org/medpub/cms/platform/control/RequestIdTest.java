package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void aSaneIdIsKeptAndAnyOtherReplaced() {
        assertEquals("proxy-7f3a.42:1_x", RequestId.of("proxy-7f3a.42:1_x"));
        for (String insane : new String[] {null, "", "a b", "<script>", "x".repeat(65), "id\r\nSet-Cookie: a=b", "é"}) {
            assertTrue(RequestId.of(insane).matches("[0-9a-f]{32}"), String.valueOf(insane));
        }
        assertNotEquals(RequestId.of(null), RequestId.of(null));
    }

    @Test
    void recordsWrittenDuringARequestCarryItsIdAsAField() {
        var filter = new RequestIdInLog.WithRequestId(null);
        LogRecord outside = new LogRecord(Level.INFO, "started");
        assertTrue(filter.isLoggable(outside));
        assertNull(outside.getParameters());

        RequestId.begin("abc-123");
        try {
            LogRecord plain = new LogRecord(Level.WARNING, "no placeholders");
            assertTrue(filter.isLoggable(plain));
            assertArrayEquals(new Object[] {Map.of("requestId", "abc-123")}, plain.getParameters());

            LogRecord withParameters = new LogRecord(Level.INFO, "{0} saved");
            withParameters.setParameters(new Object[] {"Revision 3"});
            assertTrue(filter.isLoggable(withParameters));
            assertArrayEquals(new Object[] {"Revision 3", Map.of("requestId", "abc-123")}, withParameters.getParameters());
        } finally {
            RequestId.end();
        }
        assertTrue(RequestId.current().isEmpty());
    }

    @Test
    void theHandlersOwnFilterStillDecides() {
        var filter = new RequestIdInLog.WithRequestId(record -> false);
        RequestId.begin("abc-123");
        try {
            LogRecord dropped = new LogRecord(Level.INFO, "noise");
            assertFalse(filter.isLoggable(dropped));
            assertNull(dropped.getParameters());
        } finally {
            RequestId.end();
        }
    }
}
