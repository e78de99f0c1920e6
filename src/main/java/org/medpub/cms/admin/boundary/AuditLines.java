package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medpub.cms.platform.control.UserDirectory;
import org.medpub.cms.platform.entity.UserAccount;
import org.medpub.cms.workflow.control.AuditTrail;
import org.medpub.cms.workflow.entity.AuditEvent;

/**
 * Lines of the audit trail as people read them: the action in words ({@code audit.action.<action>}),
 * the article by its title and language, a scheduled time in the user's zone, a reviewer by name.
 */
@RequestScoped
public class AuditLines {

    /** One line, in words; {@code state} is the state it led to, or null when it kept the state. */
    public record Line(Instant at, String actor, String action, String state, long article, String locale,
            String title, String language, Integer revision, String note) {
    }

    @Inject
    AuditTrail auditTrail;

    @Inject
    UserDirectory users;

    @Inject
    Words words;

    List<Line> of(List<AuditEvent> events) {
        Map<String, String> titles = auditTrail.titles(events);
        Map<String, String> names = users.all().stream()
                .collect(Collectors.toMap(UserAccount::getUsername, UserAccount::getDisplayName, (a, b) -> a));
        Function<String, String> name = username -> names.getOrDefault(username, username);
        return events.stream().map(event -> line(event, titles, name)).toList();
    }

    private Line line(AuditEvent event, Map<String, String> titles, Function<String, String> name) {
        boolean moved = event.getTo() != null && event.getTo() != event.getFrom();
        return new Line(event.getAt(), name.apply(event.getActor()),
                words.textOr("audit.action." + event.getAction(), event.getAction()),
                moved ? words.text("WorkflowState." + event.getTo().name()) : null,
                event.getArticleId(), event.getLocale(),
                titles.getOrDefault(event.getArticleId() + "/" + event.getLocale(), "#" + event.getArticleId()),
                words.language(event.getLocale()), event.getRevision(), note(event, name));
    }

    private String note(AuditEvent event, Function<String, String> name) {
        AuditTrail.Note note = AuditTrail.note(event);
        String said = note.at() != null ? words.with("audit.note." + event.getAction(), "time", words.time(note.at()))
                : note.person() != null ? words.with("audit.note.assignedTo", "reviewer", name.apply(note.person()))
                : AuditTrail.ASSIGN.equals(event.getAction()) ? words.text("audit.note.unassigned")
                : note.noReferencesReason() != null ? words.with("audit.note.noReferences", "reason", note.noReferencesReason())
                : null;
        if (said == null) {
            return note.comment();
        }
        return note.comment() == null ? said : said + " " + words.with("audit.note.comment", "comment", note.comment());
    }
}
