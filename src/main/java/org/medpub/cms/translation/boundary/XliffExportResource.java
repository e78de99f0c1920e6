package org.medpub.cms.translation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.translation.control.XliffExport;

/**
 * {@code GET /api/articles/{id}/locales/{locale}/xliff}: the article's current source revision
 * as an XLIFF 2.1 file for translating into the locale, for anyone signed in. It answers 404
 * for an unknown article or a locale that is not enabled, 400 for the source locale itself.
 */
@Path("articles/{id}/locales/{locale}/xliff")
@RequestScoped
public class XliffExportResource {

    static final String XLIFF = "application/xliff+xml";

    @Inject
    XliffExport exports;

    @GET
    @Produces(XLIFF)
    public Response export(@PathParam("id") String id, @PathParam("locale") String locale) {
        long articleId = PathParams.id(id).orElseThrow(() -> new BusinessException.NotFound("There is no article " + id));
        XliffExport.ExportedFile file = exports.export(articleId, locale);
        return Response.ok(file.content(), XLIFF + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .build();
    }
}
