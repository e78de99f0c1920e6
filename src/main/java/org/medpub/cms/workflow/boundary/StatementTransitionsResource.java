package org.medpub.cms.workflow.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.workflow.boundary.WorkflowViews.StateView;

/** A statement's workflow, as an article's: {@code POST /api/statements/{id}/locales/{locale}/transitions}. */
@Path("statements/{id}/locales/{locale}/transitions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatementTransitionsResource {

    @Inject
    VariantLookup lookup;

    @Inject
    TransitionsResource transitions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public StateView transition(@PathParam("id") String id, @PathParam("locale") String locale,
            @NotNull @Valid TransitionRequest request) {
        ArticleVariant variant = lookup.variant(id, locale);
        if (!variant.getArticle().isStatement()) {
            throw new BusinessException.NotFound("There is no statement " + id);
        }
        return transitions.transition(id, locale, request);
    }
}
