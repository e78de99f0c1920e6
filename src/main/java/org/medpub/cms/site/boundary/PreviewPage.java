package org.medpub.cms.site.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.medpub.cms.site.control.ReaderPages;
import org.medpub.cms.site.control.RenderedPage;
import org.medpub.cms.workflow.control.PreviewLinks;

/**
 * The page behind a preview link, for readers without a login: the one revision the link names,
 * while the link is valid, rendered as readers will get it. Every other address under
 * {@code /preview/} (a wrong, expired or foreign token, a revision that is gone) answers exactly
 * like an unknown address, so that trying tokens teaches nothing. It never opens a session.
 */
@WebServlet(PreviewLinks.PATH + "*")
public class PreviewPage extends HttpServlet {

    @Inject
    PreviewLinks links;

    @Inject
    ReaderPages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the address is a password for an unpublished text: keep it out of search engines (and,
        // by SecurityHeaders, out of caches and referrers)
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        Optional<String> token = token(request);
        Optional<RenderedPage> page = token.flatMap(links::verify).flatMap(link -> pages.preview(link, token.get()));
        if (page.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(page.get().contentType());
        response.setHeader("Content-Language", page.get().contentLanguage());
        response.setContentLength(page.get().body().length);
        response.getOutputStream().write(page.get().body());
    }

    private static Optional<String> token(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() < 2 ? Optional.empty() : Optional.of(path.substring(1));
    }
}
