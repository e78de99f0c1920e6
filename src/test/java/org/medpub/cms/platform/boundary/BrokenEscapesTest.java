package org.medpub.cms.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class BrokenEscapesTest {

    @Test
    void item6_theContainersFailureToDecodeAnAddressIsRecognisedWhateverItsMessage() {
        assertTrue(BrokenEscapes.isBrokenEscape(record(thrownByDecoder(new IllegalStateException("Unexpected termination")))));
        assertTrue(BrokenEscapes.isBrokenEscape(record(thrownByDecoder(
                new IllegalArgumentException("URLDecoder: Illegal hex characters in escape (%) pattern - %zz")))));
        assertTrue(BrokenEscapes.isBrokenEscape(record(new RuntimeException("wrapped",
                thrownByDecoder(new IllegalStateException("Unexpected termination"))))));
    }

    @Test
    void item6_anyOtherContainerErrorIsStillLogged() {
        assertFalse(BrokenEscapes.isBrokenEscape(record(new IllegalStateException("Unexpected termination"))));
        assertFalse(BrokenEscapes.isBrokenEscape(new LogRecord(Level.SEVERE, "no exception")));
    }

    private static LogRecord record(Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "An exception or error occurred in the container");
        record.setThrown(thrown);
        return record;
    }

    private static <T extends Throwable> T thrownByDecoder(T thrown) {
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.glassfish.grizzly.http.util.URLDecoder", "decode", "URLDecoder.java", 193),
            new StackTraceElement("org.apache.catalina.connector.CoyoteAdapter", "postParseRequest", "CoyoteAdapter.java", 426)});
        return thrown;
    }
}
