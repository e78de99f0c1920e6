package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import org.medpub.cms.platform.control.SecurityLog;

/** What went live or off line, and who did it, in the operator's audit log once it is committed ({@link SecurityLog}). */
@ApplicationScoped
public class PublicationLog {

    void onStep(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkflowTransitioned step) {
        if (!step.rule().changesWhatReadersSee()) {
            return;
        }
        String action = step.action().key();
        SecurityLog.record(action, step.actor(), Map.of("articleId", step.articleId(), "locale", step.locale(),
                "revision", step.revision()), step.actor() + " did '" + action + "' on article " + step.articleId() + " ("
                + step.locale() + ", revision " + step.revision() + ")");
    }
}
