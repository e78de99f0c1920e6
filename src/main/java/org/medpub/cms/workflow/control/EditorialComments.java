package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.workflow.entity.EditorialComment;

/** Notes the editorial team leaves on revisions; never shown to readers. */
@ApplicationScoped
@Transactional
public class EditorialComments {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public EditorialComment add(Revision revision, String author, String text) {
        var comment = new EditorialComment(em.merge(revision), author, text.strip(), clock.instant());
        em.persist(comment);
        return comment;
    }

    public List<EditorialComment> on(Revision revision) {
        return em.createQuery("select c from EditorialComment c where c.revision = :revision order by c.id",
                        EditorialComment.class)
                .setParameter("revision", revision)
                .getResultList();
    }
}
