package org.medpub.cms.translation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.medpub.cms.platform.boundary.BodyLimit;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.translation.control.ImportedTranslation;
import org.medpub.cms.translation.control.XliffImport;
import org.medpub.cms.translation.control.XliffReader;

/**
 * {@code POST /api/xliff}: imports a translated XLIFF file as a new draft revision of the
 * article in the file's target locale. Translators, authors and admins may import (others get
 * 403); that a translator is assigned the file's locale is checked with the rest of the file,
 * so a wrong locale is a 400 naming the line of {@code trgLang}, like every other problem of
 * the file.
 * <p>
 * XLIFF writes every inline code of the Markdown as an element with its attributes, in the
 * source, in the target and in the original data, so a file is far larger than the article:
 * a body of one-letter lines exports at 126 bytes per character of Markdown (25 MB for the
 * largest body, 200 000 characters), bold words at about 57. The file's body limit
 * ({@code cms.xliff.max-body-bytes}, 32 MiB) therefore takes what the export of the largest
 * article makes, instead of the API's 1 MiB for JSON.
 */
@Path("xliff")
@RequestScoped
public class XliffImportResource {

    @Inject
    XliffImport imports;

    @Inject
    Caller caller;

    @POST
    @BodyLimit("cms.xliff.max-body-bytes")
    @Consumes({XliffExportResource.XLIFF, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    public ImportedTranslation importFile(InputStream body) throws IOException {
        // asked before the file is read, so that whoever may not import learns nothing from it
        EditorialPermissions.requireImportTranslations(caller.actor());
        // read whole first: the XML parser learns the encoding from the file itself, and a body over the limit stops here
        byte[] file = body.readAllBytes();
        return imports.importFile(XliffReader.read(file), caller.actor());
    }
}
