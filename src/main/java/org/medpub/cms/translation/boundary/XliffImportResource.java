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
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.translation.control.ImportedTranslation;
import org.medpub.cms.translation.control.XliffImport;
import org.medpub.cms.translation.control.XliffReader;

/**
 * {@code POST /api/xliff}: imports a translated XLIFF file as a new draft revision of the
 * article in the file's target locale. Translators, authors and admins may import (others get
 * 403); that a translator is assigned the file's locale is checked with the rest of the file,
 * so a wrong locale is a 400 naming the line of {@code trgLang}, like every other problem of
 * the file.
 */
@Path("xliff")
@RequestScoped
public class XliffImportResource {

    @Inject
    XliffImport imports;

    @Inject
    Caller caller;

    @POST
    @Consumes({XliffExportResource.XLIFF, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    public ImportedTranslation importFile(InputStream body) throws IOException {
        caller.requireAnyRole("import translations", Role.TRANSLATOR, Role.AUTHOR, Role.ADMIN);
        // read whole first: the XML parser learns the encoding from the file itself, and a body over the limit stops here
        byte[] file = body.readAllBytes();
        return imports.importFile(XliffReader.read(file), caller.name(), caller::mayTranslateInto);
    }
}
