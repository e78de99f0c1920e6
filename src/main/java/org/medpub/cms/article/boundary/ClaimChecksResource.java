package org.medpub.cms.article.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.Statements;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * The claim checks of an article's current revision in a locale: what the editor and the review
 * screen warn about, and what an approval needs the reviewer to confirm.
 */
@Path("articles/{id}/locales/{locale}/claim-checks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClaimChecksResource {

    record FindingView(String phrase, String sentence, long statementId, String statementTitle) {

        static FindingView of(Statements.Finding finding) {
            return new FindingView(finding.phrase(), finding.sentence(), finding.statementId(), finding.statementTitle());
        }
    }

    /**
     * @param unknownStatements   embedded slugs that name no statement
     * @param unpublishedStatements embedded statements readers do not see yet
     */
    record ClaimChecks(long articleId, String locale, int revision, List<FindingView> findings,
            List<String> unknownStatements, List<String> unpublishedStatements) {
    }

    @Inject
    ArticleStore store;

    @Inject
    Statements statements;

    @Inject
    EnabledLocales locales;

    @GET
    public ClaimChecks claimChecks(@PathParam("id") String id, @PathParam("locale") String locale) {
        ArticleVariant variant = PathParams.id(id).flatMap(store::find)
                .flatMap(article -> locales.find(locale).flatMap(article::variant))
                .orElseThrow(() -> new BusinessException.NotFound("Article " + id + " has no version in " + locale));
        Revision current = variant.getCurrent();
        List<FindingView> findings = variant.getArticle().isStatement() ? List.of()
                : statements.findings(variant.getLocale(), current.getBody()).stream().map(FindingView::of).toList();
        return new ClaimChecks(variant.getArticle().getId(), variant.getLocale(), current.getNumber(), findings,
                statements.unknown(current.getBody()), statements.unpublished(current.getBody()));
    }
}
