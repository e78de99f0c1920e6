package org.medpub.cms.media.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataParam;
import org.medpub.cms.media.boundary.MediaViews.ItemView;
import org.medpub.cms.media.boundary.MediaViews.ListItem;
import org.medpub.cms.media.boundary.MediaViews.Page;
import org.medpub.cms.media.boundary.MediaViews.TextsView;
import org.medpub.cms.media.boundary.MediaViews.Uploaded;
import org.medpub.cms.media.control.Figure;
import org.medpub.cms.media.control.ImageWork;
import org.medpub.cms.media.control.MediaLibrary;
import org.medpub.cms.media.control.UploadBytes;
import org.medpub.cms.media.control.UploadDetails;
import org.medpub.cms.media.control.Uploads;
import org.medpub.cms.media.entity.MediaItem;
import org.medpub.cms.media.entity.MediaText;
import org.medpub.cms.media.entity.Rendition;
import org.medpub.cms.platform.boundary.BodyLimit;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * The media library: uploads (multipart, the file's type read from its bytes), new versions, the
 * texts per locale, search and removal. An upload the same bytes were uploaded as before answers
 * 200 with that item instead of storing them again.
 */
@Path("media")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MediaResource {

    @Inject
    MediaLibrary library;

    @Inject
    ImageWork work;

    @Inject
    Uploads uploads;

    @Inject
    EnabledLocales locales;

    @Inject
    Caller caller;

    @Inject
    @ConfigProperty(name = "cms.media.max-bytes")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "cms.api.max-page-size")
    int maxPageSize;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyLimit("cms.media.max-request-bytes")
    public Response upload(@FormDataParam("file") FormDataBodyPart file, @FormDataParam("locale") String locale,
            @FormDataParam("alt") String alt, @FormDataParam("caption") String caption, @FormDataParam("credit") String credit,
            @FormDataParam("licence") String licence, @FormDataParam("source") String source) {
        EditorialPermissions.requireManageMedia(caller.actor());
        UploadDetails details = UploadDetails.checked(file != null, locale, new MediaLibrary.Texts(alt, caption, credit), licence, source,
                locales);
        MediaLibrary.Stored stored;
        try (InputStream in = file.getValueAs(InputStream.class)) {
            stored = uploads.upload(in, details, caller.actor());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Uploaded view = Uploaded.of(stored);
        return (stored.found() ? Response.ok() : Response.created(URI.create("/api/media/" + view.id()))).entity(view).build();
    }

    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyLimit("cms.media.max-request-bytes")
    public Response newVersion(@PathParam("id") String id, @FormDataParam("file") FormDataBodyPart file) {
        EditorialPermissions.requireManageMedia(caller.actor());
        long itemId = itemId(id);
        library.require(itemId);
        if (file == null) {
            throw new BusinessException.InvalidInput("file", "required: the image");
        }
        MediaLibrary.Stored stored = library.newVersion(itemId, work.prepare(read(file)), caller.actor());
        Uploaded view = Uploaded.of(stored);
        return (stored.found() ? Response.ok() : Response.created(URI.create("/api/media/" + itemId))).entity(view).build();
    }

    @GET
    public Page list(@QueryParam("q") String q, @QueryParam("missingAltIn") String missingAltIn,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String missing = missingAltIn == null || missingAltIn.isBlank() ? null : locales.find(missingAltIn)
                .orElseThrow(() -> new BusinessException.InvalidInput("missingAltIn", "'" + missingAltIn + "' is not an enabled locale"));
        int size = pageSize(limit);
        Long before = cursor == null || cursor.isBlank() ? null : number("cursor", cursor);
        List<MediaItem> rows = library.list(q, missing, before, size + 1);
        boolean more = rows.size() > size;
        List<MediaItem> page = more ? rows.subList(0, size) : rows;
        Map<Long, Rendition> thumbnails = library.thumbnails(page);
        Map<Long, Map<String, MediaText>> texts = library.texts(page.stream().map(MediaItem::getId).toList());
        List<ListItem> items = page.stream()
                .map(item -> listItem(item, thumbnails.get(item.getId()), texts.getOrDefault(item.getId(), Map.of())))
                .toList();
        return new Page(items, more ? String.valueOf(page.get(page.size() - 1).getId()) : null);
    }

    private static ListItem listItem(MediaItem item, Rendition thumbnail, Map<String, MediaText> texts) {
        Map<String, TextsView> views = new LinkedHashMap<>();
        texts.forEach((locale, text) -> views.put(locale, TextsView.of(text)));
        return new ListItem(item.getId(), item.getCurrentVersion(), thumbnail == null ? null : Figure.path(thumbnail), views);
    }

    @GET
    @Path("{id}")
    public ItemView item(@PathParam("id") String id) {
        MediaItem item = library.require(itemId(id));
        return ItemView.of(item, library.texts(item.getId()), library.versions(item.getId()), library.usage(item.getId()));
    }

    @GET
    @Path("{id}/locales/{locale}")
    public TextsView texts(@PathParam("id") String id, @PathParam("locale") String locale) {
        long itemId = itemId(id);
        library.require(itemId);
        String canonical = locales.find(locale).orElseThrow(() -> new BusinessException.NotFound("'" + locale + "' is not an enabled locale"));
        return library.text(itemId, canonical).map(TextsView::of).orElse(new TextsView(null, null, null));
    }

    @PUT
    @Path("{id}/locales/{locale}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TextsView writeTexts(@PathParam("id") String id, @PathParam("locale") String locale, @NotNull @Valid MediaTexts texts) {
        long itemId = itemId(id);
        String canonical = locales.find(locale).orElseThrow(() -> new BusinessException.NotFound("'" + locale + "' is not an enabled locale"));
        return TextsView.of(library.writeTexts(itemId, canonical, new MediaLibrary.Texts(texts.alt(), texts.caption(), texts.credit()),
                caller.actor()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        library.delete(itemId(id), caller.actor());
        return Response.noContent().build();
    }

    private byte[] read(FormDataBodyPart file) {
        try (InputStream in = file.getValueAs(InputStream.class)) {
            return UploadBytes.read(in, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return Math.min(50, maxPageSize);
        }
        long size = number("limit", limit);
        if (size < 1 || size > maxPageSize) {
            throw new BusinessException.InvalidInput("limit", "must be between 1 and " + maxPageSize);
        }
        return (int) size;
    }

    private static long itemId(String id) {
        return PathParams.id(id).orElseThrow(() -> new BusinessException.NotFound("There is no image " + id + " in the media library"));
    }

    private static long number(String field, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BusinessException.InvalidInput(field, "must be a number");
        }
    }
}
