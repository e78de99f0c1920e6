package org.medpub.cms.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.EditorialPermissions;

/**
 * An upload into the library, as the API and the media library page take it: the bytes read up to
 * {@code cms.media.max-bytes}, the same bytes as an earlier upload answered with that item, else
 * made safe (outside any transaction) and stored as a new item.
 */
@ApplicationScoped
public class Uploads {

    @Inject
    MediaLibrary library;

    @Inject
    ImageWork work;

    @Inject
    @ConfigProperty(name = "cms.media.max-bytes")
    long maxBytes;

    public MediaLibrary.Stored upload(InputStream file, UploadDetails details, Actor actor) throws IOException {
        EditorialPermissions.requireManageMedia(actor);
        byte[] bytes = UploadBytes.read(file, maxBytes);
        return library.byUpload(ContentHash.of(bytes))
                .map(found -> new MediaLibrary.Stored(found, true))
                .orElseGet(() -> library.create(work.prepare(bytes), details.licence(), details.source(), details.locale(),
                        details.texts(), actor));
    }

    /** The largest file an upload may have, for a page to refuse a larger one before sending it. */
    public long maxBytes() {
        return maxBytes;
    }
}
