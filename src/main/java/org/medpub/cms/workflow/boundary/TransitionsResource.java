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
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.workflow.boundary.WorkflowViews.StateView;
import org.medpub.cms.workflow.control.TransitionCommand;
import org.medpub.cms.workflow.control.Transitions;

/** Moves an article in a locale along the workflow: submit, approve, reject, publish, unpublish, archive, reapprove, restore. */
@Path("articles/{id}/locales/{locale}/transitions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TransitionsResource {

    @Inject
    VariantLookup lookup;

    @Inject
    Transitions transitions;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public StateView transition(@PathParam("id") String id, @PathParam("locale") String locale,
            @NotNull @Valid TransitionRequest request) {
        ArticleVariant variant = lookup.variant(id, locale);
        TransitionCommand command = request.command();
        var outcome = transitions.perform(variant.getArticle().getId(), variant.getLocale(), command,
                caller.actor());
        return StateView.of(outcome.variant(), outcome.scheduled());
    }
}
