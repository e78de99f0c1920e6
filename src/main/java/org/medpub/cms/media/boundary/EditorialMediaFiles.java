package org.medpub.cms.media.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medpub.cms.media.control.MediaLibrary;
import org.medpub.cms.media.entity.Rendition;

/**
 * Renditions for the editorial team at {@code /admin/media/{id}/{version}/{width}.{ext}}: the
 * thumbnails of the media library page and the images of the editor's live preview, those of drafts
 * included. Only the signed-in team reaches it (web.xml guards {@code /admin/*}), and nothing of it
 * is stored by a browser or proxy (the editorial area answers {@code no-store}); readers keep
 * getting an image only once a published revision shows it ({@link MediaFiles}).
 */
@WebServlet("/admin/media/*")
public class EditorialMediaFiles extends HttpServlet {

    private static final Pattern ADDRESS = Pattern.compile("/(\\d{1,18})/(\\d{1,9})/(\\d{1,5})\\.(jpg|png)");

    @Inject
    MediaLibrary library;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher address = ADDRESS.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (request.getUserPrincipal() == null || !address.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<Rendition> rendition = library.rendition(Long.parseLong(address.group(1)), Integer.parseInt(address.group(2)),
                Integer.parseInt(address.group(3)), address.group(4));
        Optional<byte[]> bytes = rendition.flatMap(library::bytes);
        if (bytes.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(rendition.get().getExt().equals("png") ? "image/png" : "image/jpeg");
        response.setContentLength(bytes.get().length);
        response.getOutputStream().write(bytes.get());
    }
}
