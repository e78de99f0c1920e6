package org.medpub.cms.archive.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.archive.control.ArchiveImports;
import org.medpub.cms.archive.control.ContentArchive;
import org.medpub.cms.platform.boundary.BodyLimit;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.EditorialPermissions;

/**
 * {@code POST /api/import/archive}: a content archive ({@code application/zip}, as {@code GET
 * /api/export/{id}} gave it) loaded into this instance, which must hold no content yet; all or
 * nothing. The archive is kept in a file while it is read, never in memory.
 */
@Path("import/archive")
@RequestScoped
public class ArchiveImportResource {

    @Inject
    ArchiveImports imports;

    @Inject
    Caller caller;

    @Inject
    @ConfigProperty(name = "cms.archive.dir")
    String folder;

    @POST
    @BodyLimit("cms.archive.import-max-bytes")
    @Consumes(ArchiveExportResource.ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    public ContentArchive.Imported load(InputStream body) throws IOException, SQLException {
        EditorialPermissions.requireContentArchives(caller.actor());
        java.nio.file.Path dir = Files.createDirectories(java.nio.file.Path.of(folder));
        java.nio.file.Path file = Files.createTempFile(dir, "import-", ".zip");
        try {
            Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return imports.load(file, caller.name());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
