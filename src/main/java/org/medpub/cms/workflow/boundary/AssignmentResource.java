package org.medpub.cms.workflow.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.workflow.boundary.WorkflowViews.StateView;
import org.medpub.cms.workflow.control.Transitions;

/**
 * Who is to review an article in a locale. Editors assign anyone with the medical-reviewer role;
 * a medical reviewer may take a review on themselves. {@code {"reviewer": null}} unassigns.
 */
@Path("articles/{id}/locales/{locale}/assignment")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    public record Assignment(@Size(max = 64) String reviewer) {
    }

    @Inject
    VariantLookup lookup;

    @Inject
    Transitions transitions;

    @Inject
    Caller caller;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public StateView assign(@PathParam("id") String id, @PathParam("locale") String locale,
            @NotNull @Valid Assignment assignment) {
        ArticleVariant variant = lookup.variant(id, locale);
        transitions.assign(variant.getArticle().getId(), variant.getLocale(), assignment.reviewer(),
                caller.actor());
        return StateView.of(lookup.variant(id, locale), null);
    }
}
