package org.medpub.cms.platform.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The events an operator's monitoring follows, on a logger of their own ({@code
 * org.medpub.cms.audit}): sign-ins and failed ones, lockouts, accounts and roles changed, what
 * goes live or off line, content archives taken or loaded. Each is one record whose sentence says
 * it in words (the plain-text log) and whose fields say it for machines: Payara's JSON formatter
 * writes them beside the message ({@code "audit":"sign-in-failed","user":"…"}). Never a password.
 */
public final class SecurityLog {

    public static final String LOGGER = "org.medpub.cms.audit";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    private SecurityLog() {
    }

    /**
     * Logs one event.
     *
     * @param event    its kind, a stable word ({@code sign-in}, {@code role-change}, {@code publish}, …)
     * @param user     whom it concerns, or who did it
     * @param fields   more of it, by name
     * @param sentence the event in words
     */
    public static void record(String event, String user, Map<String, ?> fields, String sentence) {
        Level level = event.endsWith("-failed") || event.equals("lockout") ? Level.WARNING : Level.INFO;
        if (!LOG.isLoggable(level)) {
            return;
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("audit", event);
        all.put("user", plain(user));
        fields.forEach((name, value) -> all.put(name, value instanceof String text ? plain(text) : value));
        // a sentence holding a brace would be read as a MessageFormat pattern by the formatters
        LogRecord entry = new LogRecord(level, "Audit " + event + ": " + plain(sentence).replace('{', '(').replace('}', ')'));
        entry.setLoggerName(LOGGER);
        entry.setParameters(new Object[] {all});
        LOG.log(entry);
    }

    /** What a caller typed (a user name) cannot start a line of its own or fill the log. */
    private static String plain(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
