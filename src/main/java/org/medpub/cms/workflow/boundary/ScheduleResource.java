package org.medpub.cms.workflow.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.workflow.boundary.WorkflowViews.StateView;
import org.medpub.cms.workflow.control.Transitions;

/**
 * The publication scheduled for an article in a locale ({@code publish} with {@code publishAt}).
 * Deleting it calls the publication off; publishing again at another time moves it.
 */
@Path("articles/{id}/locales/{locale}/schedule")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    VariantLookup lookup;

    @Inject
    Transitions transitions;

    @Inject
    Caller caller;

    @DELETE
    public StateView cancel(@PathParam("id") String id, @PathParam("locale") String locale) {
        ArticleVariant variant = lookup.variant(id, locale);
        transitions.cancelSchedule(variant.getArticle().getId(), variant.getLocale(), caller.actor());
        return StateView.of(lookup.variant(id, locale), null);
    }
}
