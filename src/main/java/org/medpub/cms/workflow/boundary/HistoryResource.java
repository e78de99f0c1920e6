package org.medpub.cms.workflow.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.workflow.boundary.WorkflowViews.EventView;
import org.medpub.cms.workflow.boundary.WorkflowViews.History;
import org.medpub.cms.workflow.control.AuditTrail;

/** The audit trail of an article in a locale: every save and every step, oldest first. */
@Path("articles/{id}/locales/{locale}/history")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    VariantLookup lookup;

    @Inject
    AuditTrail auditTrail;

    @GET
    public History history(@PathParam("id") String id, @PathParam("locale") String locale) {
        ArticleVariant variant = lookup.variant(id, locale);
        return new History(variant.getArticle().getId(), variant.getLocale(),
                auditTrail.history(variant.getArticle().getId(), variant.getLocale()).stream().map(EventView::of).toList());
    }
}
