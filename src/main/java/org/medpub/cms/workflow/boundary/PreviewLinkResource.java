package org.medpub.cms.workflow.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.workflow.control.PreviewLink;
import org.medpub.cms.workflow.control.PreviewLinks;

/**
 * Preview links: a reviewer or editor shares one unpublished revision with someone who has no
 * login, for a limited time. A root resource of its own, beside {@code ArticlesResource}: its
 * longer path wins only for the URLs that end in {@code /preview-link}.
 */
@Path("articles/{id}/locales/{locale}/revisions/{number}/preview-link")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PreviewLinkResource {

    private static final Logger LOG = Logger.getLogger(PreviewLinkResource.class.getName());

    /** The answer: where the preview is and until when it works. */
    public record Created(String url, Instant expiresAt) {
    }

    @Inject
    ArticleStore store;

    @Inject
    EnabledLocales locales;

    @Inject
    PreviewLinks links;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") String id, @PathParam("locale") String locale,
            @PathParam("number") String number, @Valid PreviewLinkRequest request) {
        EditorialPermissions.requireMakePreviewLinks(caller.actor());
        Revision revision = revision(id, locale, number);
        ArticleVariant variant = revision.getVariant();
        int hours = request == null ? PreviewLinkRequest.DEFAULT_HOURS : request.hours();
        PreviewLink link = links.link(variant.getArticle().getId(), variant.getLocale(), revision.getNumber(),
                Duration.ofHours(hours));
        String url = PreviewLinks.PATH + links.token(link);
        LOG.info(() -> caller.name() + " made a preview link to article " + link.articleId() + " in " + link.locale()
                + ", revision " + link.revision() + ", valid until " + link.expiresAt());
        // the link is a password for this revision: no cache may keep the answer
        return Response.created(URI.create(url))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new Created(url, link.expiresAt()))
                .build();
    }

    private Revision revision(String id, String locale, String number) {
        Optional<Long> articleId = parse(id).filter(n -> n > 0);
        Optional<Long> revisionNumber = parse(number).filter(n -> n > 0 && n <= Integer.MAX_VALUE);
        return articleId.flatMap(store::find)
                .flatMap(article -> locales.find(locale).flatMap(article::variant))
                .flatMap(variant -> revisionNumber.flatMap(n -> store.revision(variant, n.intValue())))
                .orElseThrow(() -> new BusinessException.NotFound(
                        "There is no revision " + number + " of article " + id + " in " + locale));
    }

    private static Optional<Long> parse(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
