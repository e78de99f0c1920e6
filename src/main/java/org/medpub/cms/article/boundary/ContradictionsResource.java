package org.medpub.cms.article.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.medpub.cms.article.control.Statements;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.EditorialPermissions;

/** The report of every published page that contains a contradicting phrase of its locale. */
@Path("reports/contradictions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ContradictionsResource {

    record ContradictionView(long articleId, String locale, String slug, String title, String phrase, String sentence,
            long statementId, String statementTitle) {
    }

    record ContradictionReport(List<ContradictionView> pages) {
    }

    @Inject
    Statements statements;

    @Inject
    Caller caller;

    @GET
    public ContradictionReport contradictions() {
        EditorialPermissions.requireReadContradictions(caller.actor());
        return new ContradictionReport(statements.contradictions().stream()
                .map(c -> new ContradictionView(c.articleId(), c.locale(), c.slug(), c.title(), c.finding().phrase(),
                        c.finding().sentence(), c.finding().statementId(), c.finding().statementTitle()))
                .toList());
    }
}
