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
import org.medpub.cms.workflow.control.PreviewLink;
import org.medpub.cms.workflow.control.PreviewLinks;

/**
 * Renditions for readers at {@code /media/{id}/{version}/{width}.{ext}}: a version never changes,
 * so its files are cached for a year as immutable, with the content hash as ETag. Only a version
 * that a live revision shows is served, and through a valid preview link ({@code ?preview=}) one its
 * revision shows, never stored; every other address answers like an unknown one.
 */
@WebServlet("/media/*")
public class MediaFiles extends HttpServlet {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final Pattern ADDRESS = Pattern.compile("/(\\d{1,18})/(\\d{1,9})/(\\d{1,5})\\.(jpg|png)");

    @Inject
    MediaLibrary library;

    @Inject
    PreviewLinks links;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher address = ADDRESS.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        String token = request.getParameter("preview");
        Optional<PreviewLink> preview = token == null || token.length() > PreviewLinks.MAX_TOKEN_LENGTH ? Optional.empty()
                : links.verify(token);
        if (!address.matches() || (token != null && preview.isEmpty())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<Rendition> rendition = library.shown(Long.parseLong(address.group(1)), Integer.parseInt(address.group(2)),
                Integer.parseInt(address.group(3)), address.group(4), preview.orElse(null));
        Optional<byte[]> bytes = rendition.flatMap(library::bytes);
        if (bytes.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = "\"" + rendition.get().getBlobHash() + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", preview.isPresent() ? "no-store" : IMMUTABLE);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (preview.isEmpty() && matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(rendition.get().getExt().equals("png") ? "image/png" : "image/jpeg");
        response.setContentLength(bytes.get().length);
        response.getOutputStream().write(bytes.get());
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
