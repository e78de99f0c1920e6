package org.medpub.cms.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the {@link RequestId} into every log record written while a request is answered, the way
 * {@code java.util.logging} allows: a filter on the server's log handlers adds a parameter
 * {@code {requestId=…}}, which Payara's JSON formatter writes as a field of the record's object
 * ({@code "requestId":"…"}) and which a message's own placeholders never name. The handlers' own
 * filters still decide.
 */
@ApplicationScoped
public class RequestIdInLog {

    static final String FIELD = "requestId";

    void attach(@Observes Startup startup) {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (!(handler.getFilter() instanceof WithRequestId)) {
                handler.setFilter(new WithRequestId(handler.getFilter()));
            }
        }
    }

    @PreDestroy
    void detach() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler.getFilter() instanceof WithRequestId ours) {
                handler.setFilter(ours.before);
            }
        }
    }

    /** Adds the request's id to a record, then asks the filter that was there before. */
    record WithRequestId(Filter before) implements Filter {

        @Override
        public boolean isLoggable(LogRecord record) {
            if (before != null && !before.isLoggable(record)) {
                return false;
            }
            RequestId.current().ifPresent(id -> {
                Object[] parameters = record.getParameters() == null ? new Object[0] : record.getParameters();
                Object[] more = Arrays.copyOf(parameters, parameters.length + 1);
                more[parameters.length] = Map.of(FIELD, id);
                record.setParameters(more);
            });
            return true;
        }
    }
}
