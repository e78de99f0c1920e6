package org.medpub.cms.workflow.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.workflow.control.ReviewChecklist;

/** What the workflow asks of people: the review checklist. */
@Path("workflow")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    @Inject
    ReviewChecklist checklist;

    @Inject
    EnabledLocales locales;

    @Context
    HttpHeaders headers;

    /** Labelled in the caller's language ({@code Accept-Language}) where the bundles have it. */
    @GET
    @Path("checklist")
    public List<ReviewChecklist.Item> checklist() {
        return checklist.items(Locale.forLanguageTag(locales.preferred(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))));
    }
}
