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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.article.boundary.ArticleViews.ArticleView;
import org.medpub.cms.article.boundary.ArticleViews.DiffView;
import org.medpub.cms.article.boundary.ArticleViews.FieldDiffView;
import org.medpub.cms.article.boundary.ArticleViews.ListItem;
import org.medpub.cms.article.boundary.ArticleViews.Page;
import org.medpub.cms.article.boundary.ArticleViews.RevisionList;
import org.medpub.cms.article.boundary.ArticleViews.RevisionSummary;
import org.medpub.cms.article.boundary.ArticleViews.RevisionView;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.Readability;
import org.medpub.cms.article.control.RevisionComparison;
import org.medpub.cms.article.control.RevisionPrecondition;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * Articles, their locale variants and revisions. Every save answers with the ETag of the
 * revision it made; the next save must send it back as If-Match.
 */
@Path("articles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ArticlesResource {

    @Inject
    ArticleStore store;

    @Inject
    RevisionComparison comparison;

    @Inject
    Readability readability;

    @Inject
    EnabledLocales locales;

    @Inject
    Caller caller;

    @Inject
    @ConfigProperty(name = "cms.api.max-page-size")
    int maxPageSize;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid NewArticle request) {
        // asked before the body is looked at, so that whoever may not create learns nothing from it
        EditorialPermissions.requireCreateArticles(caller.actor());
        String locale = enabledLocale("sourceLocale", request.sourceLocale());
        Revision revision = store.create(locale, request.content(), caller.actor());
        Article article = revision.getVariant().getArticle();
        return Response.created(URI.create("/api/articles/" + article.getId()))
                .tag(tagValue(revision))
                .entity(ArticleView.of(article, locales.all()))
                .build();
    }

    @GET
    public Page list(@QueryParam("locale") String locale, @QueryParam("state") String state, @QueryParam("q") String q,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String localeFilter = locale == null || locale.isBlank() ? null : enabledLocale("locale", locale);
        WorkflowState stateFilter = state == null || state.isBlank() ? null : workflowState(state);
        List<String> words = q == null ? List.of() : Arrays.stream(q.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        int size = pageSize(limit);
        List<ArticleVariant> rows = store.list(localeFilter, stateFilter, words, decodeCursor(cursor), size + 1);
        boolean more = rows.size() > size;
        List<ArticleVariant> page = more ? rows.subList(0, size) : rows;
        String next = more ? encodeCursor(page.get(page.size() - 1).getId()) : null;
        return new Page(page.stream().map(ListItem::of).toList(), next);
    }

    @GET
    @Path("{id}")
    public ArticleView article(@PathParam("id") String id) {
        return ArticleView.of(find(id), locales.all());
    }

    @GET
    @Path("{id}/locales/{locale}")
    public Response latest(@PathParam("id") String id, @PathParam("locale") String locale) {
        Revision current = variant(id, locale).getCurrent();
        return Response.ok(RevisionView.of(current)).tag(tagValue(current)).build();
    }

    @PUT
    @Path("{id}/locales/{locale}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("id") String id, @PathParam("locale") String locale,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid RevisionEdit request) {
        Article article = find(id);
        String target = enabledLocale("locale", locale);
        boolean source = target.equals(article.getSourceLocale());
        // asked before the body is checked; the store asks again
        EditorialPermissions.requireEdit(caller.actor(), article.getSourceLocale(), target);
        if (request.sourceLocale() != null && !request.sourceLocale().isBlank()
                && !EnabledLocales.canonical(request.sourceLocale()).equals(article.getSourceLocale())) {
            throw new BusinessException.InvalidInput("sourceLocale",
                    "The article's source locale is " + article.getSourceLocale() + " and cannot change");
        }
        if (source && request.sourceRevision() != null) {
            throw new BusinessException.InvalidInput("sourceRevision", "Only a translation names a source revision");
        }
        Integer translated = source ? null
                : request.sourceRevision() != null ? request.sourceRevision()
                : article.sourceVariant().getCurrent().getNumber();
        var saved = store.save(article.getId(), target, request.content(translated), caller.actor(),
                new RevisionPrecondition(ifMatch));
        Revision revision = saved.revision();
        Response.ResponseBuilder answer = saved.newVariant()
                ? Response.created(URI.create("/api/articles/" + article.getId() + "/locales/" + target))
                : Response.ok();
        return answer.tag(tagValue(revision)).entity(RevisionView.of(revision)).build();
    }

    /** The readability report of the locale's current revision (the draft being written or reviewed). */
    @GET
    @Path("{id}/locales/{locale}/readability")
    public ReadabilityView readability(@PathParam("id") String id, @PathParam("locale") String locale) {
        Revision current = variant(id, locale).getCurrent();
        return ReadabilityView.of(readability.of(current.getBody(), current.getVariant().getLocale()), current.getNumber());
    }

    @GET
    @Path("{id}/locales/{locale}/revisions")
    public RevisionList revisions(@PathParam("id") String id, @PathParam("locale") String locale) {
        ArticleVariant variant = variant(id, locale);
        return new RevisionList(variant.getArticle().getId(), variant.getLocale(),
                store.revisions(variant).stream().map(RevisionSummary::of).toList());
    }

    @GET
    @Path("{id}/locales/{locale}/revisions/{number}")
    public Response revision(@PathParam("id") String id, @PathParam("locale") String locale,
            @PathParam("number") String number) {
        Revision revision = revision(variant(id, locale), number);
        return Response.ok(RevisionView.of(revision)).tag(tagValue(revision)).build();
    }

    @GET
    @Path("{id}/locales/{locale}/diff")
    public DiffView diff(@PathParam("id") String id, @PathParam("locale") String locale,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        if (from == null || to == null) {
            throw new BusinessException.InvalidInput("Name both revisions: ?from=1&to=2", List.of(
                    new BusinessException.FieldError(from == null ? "from" : "to", "required")));
        }
        ArticleVariant variant = variant(id, locale);
        Revision a = revision(variant, from);
        Revision b = revision(variant, to);
        return new DiffView(variant.getArticle().getId(), variant.getLocale(), a.getNumber(), b.getNumber(),
                comparison.compare(a.content(), b.content()).stream().map(FieldDiffView::of).toList());
    }

    private Article find(String id) {
        return PathParams.id(id).flatMap(store::find)
                .orElseThrow(() -> new BusinessException.NotFound("There is no article " + id));
    }

    private ArticleVariant variant(String id, String locale) {
        Article article = find(id);
        return locales.find(locale).flatMap(article::variant)
                .orElseThrow(() -> new BusinessException.NotFound("Article " + id + " has no version in " + locale));
    }

    private Revision revision(ArticleVariant variant, String number) {
        return PathParams.number(number).flatMap(n -> store.revision(variant, n))
                .orElseThrow(() -> new BusinessException.NotFound("There is no revision " + number + " of article "
                        + variant.getArticle().getId() + " in " + variant.getLocale()));
    }

    private String enabledLocale(String field, String tag) {
        return locales.find(tag).orElseThrow(() -> new BusinessException.InvalidInput(field,
                "'" + tag + "' is not an enabled locale; enabled are " + String.join(", ", locales.all())));
    }

    private static WorkflowState workflowState(String key) {
        try {
            return WorkflowState.ofKey(key);
        } catch (IllegalArgumentException e) {
            throw new BusinessException.InvalidInput("state", "'" + key + "' is not a workflow state");
        }
    }

    private int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return Math.min(20, maxPageSize);
        }
        return PathParams.number(limit).filter(n -> n >= 1 && n <= maxPageSize).orElseThrow(() ->
                new BusinessException.InvalidInput("limit", "must be a whole number from 1 to " + maxPageSize));
    }

    private static String tagValue(Revision revision) {
        // Response.tag(String) quotes the value itself
        return RevisionPrecondition.tagOf(revision.getNumber()).replace("\"", "");
    }

    private static Long decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new BusinessException.InvalidInput("cursor", "is not a cursor this API gave out");
        }
    }

    private static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(id).getBytes(StandardCharsets.UTF_8));
    }
}
