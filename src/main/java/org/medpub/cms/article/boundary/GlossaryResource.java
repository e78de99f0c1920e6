package org.medpub.cms.article.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.medpub.cms.article.control.Glossary;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.EditorialPermissions;

/**
 * The plain-language glossary of a locale: {@code GET /api/glossary/{locale}} (anyone signed in),
 * {@code PUT /api/glossary/{locale}/terms/{term}} {@code {suggestion}} (201 a new term, 200 a
 * changed one) and {@code DELETE} of the same address (204), by editors and admins.
 */
@Path("glossary/{locale}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GlossaryResource {

    @Inject
    Glossary glossary;

    @Inject
    Caller caller;

    /** What to write instead of a term. */
    public record Suggestion(String suggestion) {
    }

    @GET
    public Glossary.Terms list(@PathParam("locale") String locale) {
        return glossary.list(locale);
    }

    @PUT
    @Path("terms/{term}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response write(@PathParam("locale") String locale, @PathParam("term") String term, Suggestion body) {
        // asked before the body is looked at, so that whoever may not learns nothing from it
        EditorialPermissions.requireEditGlossary(caller.actor());
        Glossary.Written written = glossary.write(locale, term, body == null ? null : body.suggestion(), caller.actor());
        return (written.created() ? Response.status(Response.Status.CREATED) : Response.ok()).entity(written.term()).build();
    }

    @DELETE
    @Path("terms/{term}")
    public Response remove(@PathParam("locale") String locale, @PathParam("term") String term) {
        glossary.remove(locale, term, caller.actor());
        return Response.noContent().build();
    }
}
