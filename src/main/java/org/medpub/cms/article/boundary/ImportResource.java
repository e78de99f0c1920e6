package org.medpub.cms.article.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.medpub.cms.article.boundary.ArticleViews.ArticleView;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.DocumentImport;
import org.medpub.cms.article.control.ImportedDocument;
import org.medpub.cms.article.control.RevisionPrecondition;
import org.medpub.cms.article.control.SlugSuggestion;
import org.medpub.cms.article.control.UnreadableDocumentException;
import org.medpub.cms.article.entity.ArticleFields;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.StrictText;

/**
 * Makes a draft article from a document pasted from elsewhere: plain text as editors copy it
 * from old web pages, Markdown, or HTML. Title, headings, paragraphs and lists are kept.
 */
@Path("import")
@RequestScoped
public class ImportResource {

    static final String TEXT_MARKDOWN = "text/markdown";

    @Inject
    DocumentImport documents;

    @Inject
    ArticleStore store;

    @Inject
    EnabledLocales locales;

    @Inject
    Caller caller;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes({MediaType.TEXT_PLAIN, TEXT_MARKDOWN, MediaType.TEXT_HTML})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importDocument(@QueryParam("locale") String locale, byte[] body) {
        // asked before the document is read, so that whoever may not import learns nothing from it
        EditorialPermissions.requireImportArticles(caller.actor());
        String target = locale == null || locale.isBlank() ? locales.defaultLocale()
                : locales.find(locale).orElseThrow(() -> new BusinessException.InvalidInput("locale",
                        "'" + locale + "' is not an enabled locale; enabled are " + String.join(", ", locales.all())));
        // decoded here, strictly and in the charset the Content-Type names, rather than by the container's lenient reader
        String document = StrictText.decode(body,
                StrictText.charset(headers.getMediaType().getParameters().get(MediaType.CHARSET_PARAMETER)), "The document");
        ImportedDocument imported = parse(headers.getMediaType(), document);
        String slug = store.freeSlug(target, SlugSuggestion.fromTitle(imported.title()));
        var content = new RevisionContent(clip(imported.title(), ArticleFields.TITLE_MAX), slug,
                imported.summary(), imported.body(), List.of(), List.of(),
                "Imported from " + kind(headers.getMediaType()), false, null, false);
        if (content.body().isBlank()) {
            throw new BusinessException.InvalidInput("body", "The document has a title but no text below it");
        }
        if (content.body().length() > ArticleFields.BODY_MAX) {
            throw new BusinessException.InvalidInput("body", "The document is longer than "
                    + ArticleFields.BODY_MAX + " characters");
        }
        Revision revision = store.create(target, content, caller.actor());
        var article = revision.getVariant().getArticle();
        return Response.created(URI.create("/api/articles/" + article.getId()))
                .tag(RevisionPrecondition.tagOf(revision.getNumber()).replace("\"", ""))
                .entity(ArticleView.of(article, locales.all()))
                .build();
    }

    private ImportedDocument parse(MediaType type, String document) {
        try {
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return documents.fromHtml(document);
            }
            if (type.getSubtype().equalsIgnoreCase("markdown")) {
                return documents.fromMarkdown(document);
            }
            return documents.fromPlainText(document);
        } catch (UnreadableDocumentException e) {
            throw new BusinessException.InvalidInput("body", e.getMessage());
        }
    }

    private static String kind(MediaType type) {
        return type.isCompatible(MediaType.TEXT_HTML_TYPE) ? "HTML"
                : type.getSubtype().equalsIgnoreCase("markdown") ? "Markdown" : "plain text";
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
