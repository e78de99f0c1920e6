package org.medpub.cms.workflow.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.medpub.cms.workflow.boundary.WorkflowViews.DueList;
import org.medpub.cms.workflow.boundary.WorkflowViews.DueView;
import org.medpub.cms.workflow.control.ReReviews;

/** Published articles whose medical re-review is due soon or overdue, soonest first. */
@Path("reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

    @Inject
    ReReviews reReviews;

    @GET
    @Path("due")
    public DueList due() {
        return new DueList(reReviews.dueOrOverdue().stream().map(DueView::of).toList());
    }
}
