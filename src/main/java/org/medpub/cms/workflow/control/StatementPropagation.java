package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.Statements;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.workflow.entity.ChangeLogEntry;

/**
 * What the publication of a statement's revision (in any locale) does to the articles that embed
 * it, in the publication's transaction: a line in each embedding article's audit trail (every
 * locale whose live or current revision embeds it), and, when the statement's source revision tells
 * readers, an entry in the change log of each embedding page published in the statement's source
 * language (the note's language). Their cached pages are dropped by the page dependency on the
 * statement ({@code article:<id>}), which every page that shows it has.
 */
@ApplicationScoped
@Transactional
public class StatementPropagation {

    @PersistenceContext
    EntityManager em;

    @Inject
    ArticleStore articles;

    @Inject
    Statements statements;

    @Inject
    AuditTrail auditTrail;

    void onPublished(@Observes WorkflowTransitioned step) {
        if (step.action() != WorkflowAction.PUBLISH) {
            return;
        }
        Article statement = articles.find(step.articleId()).filter(Article::isStatement).orElse(null);
        if (statement == null) {
            return;
        }
        ArticleVariant published = statement.variant(step.locale()).orElseThrow();
        Revision live = published.getLive().orElse(null);
        if (live == null) {
            return;
        }
        String note = AuditTrail.statementNote(statement.getId(), published.getSlug(), step.locale(), live.getNumber(),
                live.getChangeNote());
        Instant at = published.getPublishedAt().orElse(step.at());
        boolean tellReaders = published.isSource() && live.isTellReaders();
        for (ArticleVariant embedding : statements.embedding(statement)) {
            auditTrail.record(embedding, embedding.getCurrent(), AuditTrail.STATEMENT_PUBLISHED, embedding.getState(),
                    embedding.getState(), step.actor(), note);
            if (tellReaders && embedding.getLive().isPresent() && embedding.getLocale().equals(statement.getSourceLocale())
                    && !told(embedding, statement.getId(), live.getNumber())) {
                em.persist(ChangeLogEntry.ofStatement(embedding, statement.getId(), live.getNumber(), live.getChangeNote(),
                        live.isSafetyRelevant(), at));
            }
        }
    }

    private boolean told(ArticleVariant variant, long statementId, int revision) {
        return !em.createQuery("select e.id from ChangeLogEntry e where e.variant = :variant and e.statementId = :statement"
                        + " and e.originRevision = :revision", Long.class)
                .setParameter("variant", variant)
                .setParameter("statement", statementId)
                .setParameter("revision", revision)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }
}
