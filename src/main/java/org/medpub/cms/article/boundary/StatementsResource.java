package org.medpub.cms.article.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.medpub.cms.article.boundary.ArticleViews.ArticleView;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.RevisionPrecondition;
import org.medpub.cms.article.control.Statements;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * The statement library: creating a statement, listing them, and their contradicting phrases.
 * Everything else (revisions, translations, the workflow, XLIFF) goes through the article
 * endpoints with the statement's id: a statement is an article of kind {@code statement}.
 */
@Path("statements")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatementsResource {

    /** One statement in the list: the article view with its contradicting phrases by locale. */
    record StatementView(ArticleView statement, Map<String, List<String>> contradictingPhrases) {
    }

    record StatementList(List<StatementView> items) {
    }

    record Phrases(long statementId, String locale, List<String> phrases) {
    }

    @Inject
    ArticleStore store;

    @Inject
    Statements statements;

    @Inject
    EnabledLocales locales;

    @Inject
    Caller caller;

    @Inject
    ArticlesResource articles;

    /** A new statement, its first revision in its source locale, and its contradicting phrases there. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid StatementText.NewStatement request) {
        EditorialPermissions.requireCreateArticles(caller.actor());
        String locale = enabledLocale("sourceLocale", request.sourceLocale());
        if (request.contradictingPhrases() != null) {
            // refused before anything is stored
            EditorialPermissions.requireEditContradictingPhrases(caller.actor());
            Statements.checkedPhrases(request.contradictingPhrases());
        }
        Revision revision = store.create(locale, request.article().content(), caller.actor(), true);
        Article statement = revision.getVariant().getArticle();
        if (request.contradictingPhrases() != null) {
            statements.setPhrases(statement.getId(), locale, request.contradictingPhrases());
        }
        return Response.created(URI.create("/api/articles/" + statement.getId()))
                .tag(RevisionPrecondition.tagOf(revision.getNumber()).replace("\"", ""))
                .entity(ArticleView.of(statement, locales.all()))
                .build();
    }

    @GET
    public StatementList list() {
        return new StatementList(statements.list().stream()
                .map(s -> new StatementView(ArticleView.of(s, locales.all()), statements.phrases(s.getId()))).toList());
    }

    /** The latest revision of a statement in a locale, as {@code GET /api/articles/{id}/locales/{locale}}. */
    @GET
    @Path("{id}/locales/{locale}")
    public Response latest(@PathParam("id") String id, @PathParam("locale") String locale) {
        return articles.latest(Long.toString(statement(id).getId()), locale);
    }

    /**
     * A new revision of a statement in a locale, as {@code PUT /api/articles/{id}/locales/{locale}}; with
     * {@code contradictingPhrases}, its phrases in that locale are replaced too (checked before anything is saved).
     */
    @PUT
    @Path("{id}/locales/{locale}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("id") String id, @PathParam("locale") String locale,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid StatementText.StatementEdit request) {
        Article statement = statement(id);
        if (request.contradictingPhrases() != null) {
            EditorialPermissions.requireEditContradictingPhrases(caller.actor());
            Statements.checkedPhrases(request.contradictingPhrases());
        }
        Response saved = articles.save(Long.toString(statement.getId()), locale, ifMatch, request.revision());
        if (request.contradictingPhrases() != null) {
            statements.setPhrases(statement.getId(), enabledLocale("locale", locale), request.contradictingPhrases());
        }
        return saved;
    }

    @GET
    @Path("{id}/contradicting-phrases")
    public Map<String, List<String>> phrases(@PathParam("id") String id) {
        return statements.phrases(statement(id).getId());
    }

    /** Replaces the statement's contradicting phrases in a locale with the list sent (a JSON array of strings). */
    @PUT
    @Path("{id}/contradicting-phrases/{locale}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Phrases setPhrases(@PathParam("id") String id, @PathParam("locale") String locale,
            @NotNull List<String> phrases) {
        EditorialPermissions.requireEditContradictingPhrases(caller.actor());
        Article statement = statement(id);
        String tag = enabledLocale("locale", locale);
        return new Phrases(statement.getId(), tag, statements.setPhrases(statement.getId(), tag, phrases));
    }

    private Article statement(String id) {
        return PathParams.id(id).map(statements::statement)
                .orElseThrow(() -> new BusinessException.NotFound("There is no statement " + id));
    }

    private String enabledLocale(String field, String tag) {
        return locales.find(tag).orElseThrow(() -> new BusinessException.InvalidInput(field,
                "'" + tag + "' is not an enabled locale; enabled are " + String.join(", ", locales.all())));
    }
}
