package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** An audit entry is a sentence for people and fields for machines (the JSON formatter writes a map parameter as fields). */
class SecurityLogTest {

    @Test
    void anEntryHasItsWordsAndItsFields() {
        List<LogRecord> records = new ArrayList<>();
        Handler keep = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(SecurityLog.LOGGER);
        logger.addHandler(keep);
        try {
            SecurityLog.record("role-change", "alex", Map.of("by", "admin"), "admin changed the roles of 'alex' {0}");
            SecurityLog.record("sign-in-failed", "nobody\nAudit publish: forged", Map.of("reason", "no-such-user"),
                    "a sign-in as 'nobody\nAudit publish: forged' failed");
        } finally {
            logger.removeHandler(keep);
        }
        assertEquals(2, records.size());
        assertEquals(Level.INFO, records.get(0).getLevel());
        assertEquals("Audit role-change: admin changed the roles of 'alex' (0)", records.get(0).getMessage());
        assertArrayEquals(new Object[] {Map.of("audit", "role-change", "user", "alex", "by", "admin")},
                records.get(0).getParameters());
        assertEquals(Level.WARNING, records.get(1).getLevel(), "failures are warnings");
        assertEquals("Audit sign-in-failed: a sign-in as 'nobody?Audit publish: forged' failed", records.get(1).getMessage(),
                "what a caller typed cannot start a line of its own");
        assertEquals("nobody?Audit publish: forged", ((Map<?, ?>) records.get(1).getParameters()[0]).get("user"));
    }
}
