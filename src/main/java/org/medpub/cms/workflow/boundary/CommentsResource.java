package org.medpub.cms.workflow.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.workflow.boundary.WorkflowViews.CommentView;
import org.medpub.cms.workflow.boundary.WorkflowViews.Comments;
import org.medpub.cms.workflow.control.EditorialComments;

/** Editorial comments on a revision: for the team, never for readers. */
@Path("articles/{id}/locales/{locale}/revisions/{number}/comments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommentsResource {

    public record NewComment(@NotBlank @Size(max = 4000) String text) {
    }

    @Inject
    VariantLookup lookup;

    @Inject
    EditorialComments comments;

    @Inject
    Caller caller;

    @GET
    public Comments list(@PathParam("id") String id, @PathParam("locale") String locale,
            @PathParam("number") String number) {
        ArticleVariant variant = lookup.variant(id, locale);
        Revision revision = lookup.revision(variant, number);
        return new Comments(variant.getArticle().getId(), variant.getLocale(), revision.getNumber(),
                comments.on(revision).stream().map(CommentView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("id") String id, @PathParam("locale") String locale,
            @PathParam("number") String number, @NotNull @Valid NewComment comment) {
        Revision revision = lookup.revision(lookup.variant(id, locale), number);
        return Response.status(Response.Status.CREATED)
                .entity(CommentView.of(comments.add(revision, caller.name(), comment.text())))
                .build();
    }
}
