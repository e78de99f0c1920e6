package org.medpub.cms.archive.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import org.medpub.cms.archive.control.ArchiveExports;
import org.medpub.cms.archive.control.ArchiveExports.Export;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;

/**
 * {@code POST /api/export} starts an export of the content archive (admins); {@code GET
 * /api/export/{id}} says how it goes (202 while it runs) and then answers the ZIP itself.
 */
@Path("export")
@RequestScoped
public class ArchiveExportResource {

    static final String ZIP = "application/zip";

    /** How an export goes, as the API shows it. */
    public record ExportState(String id, String state, Instant startedAt, Instant finishedAt, Map<String, Long> rows,
            String failure) {

        static ExportState of(Export export) {
            return new ExportState(export.id(), export.state().name().toLowerCase(java.util.Locale.ROOT),
                    export.startedAt(), export.finishedAt(), export.rows(), export.failure());
        }
    }

    @Inject
    ArchiveExports exports;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response start() {
        EditorialPermissions.requireContentArchives(caller.actor());
        Export export = exports.start(caller.name());
        return Response.accepted(ExportState.of(export))
                .location(uri.getBaseUriBuilder().path("export").path(export.id()).build())
                .build();
    }

    @GET
    @Path("{id}")
    @Produces({ZIP, MediaType.APPLICATION_JSON})
    public Response get(@PathParam("id") String id) {
        EditorialPermissions.requireContentArchives(caller.actor());
        Export export = exports.find(id)
                .orElseThrow(() -> new BusinessException.NotFound("No export " + id + " is known to this instance"));
        return switch (export.state()) {
            case RUNNING -> Response.accepted(ExportState.of(export)).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", "2").build();
            case FAILED -> throw new BusinessException.Conflict("archive-export-failed", "The export failed ("
                    + export.failure() + "): start another with POST /api/export");
            case DONE -> Response.ok((StreamingOutput) out -> Files.copy(exports.file(export), out), ZIP)
                    .header("Content-Disposition", "attachment; filename=\"cms-archive-"
                            + export.finishedAt().toString().substring(0, 10) + ".zip\"")
                    .header("Cache-Control", "no-store")
                    .build();
        };
    }
}
