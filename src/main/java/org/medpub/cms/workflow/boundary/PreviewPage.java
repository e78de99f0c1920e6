package org.medpub.cms.workflow.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.workflow.control.PreviewLink;
import org.medpub.cms.workflow.control.PreviewLinks;

/**
 * The page behind a preview link, for readers without a login: the one revision the link names,
 * while the link is valid. Every other address under {@code /preview/} (a wrong, expired or
 * foreign token, a revision that is gone) answers exactly like an unknown address, so that
 * trying tokens teaches nothing. It never opens a session.
 */
@WebServlet(PreviewPage.PATH + "*")
public class PreviewPage extends HttpServlet {

    public static final String PATH = "/preview/";

    // nothing but the inline style may load: an article's images only from https or data URLs
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Inject
    PreviewLinks links;

    @Inject
    ArticleStore store;

    private record Shown(PreviewLink link, Revision revision) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the address is a password for an unpublished text: keep it out of caches, search engines and referrers
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Optional<Shown> shown = token(request).flatMap(links::verify).flatMap(this::shown);
        if (shown.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PreviewLink link = shown.get().link();
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setContentType("text/html; charset=UTF-8");
        response.getWriter().write(PreviewHtml.page(shown.get().revision().content(), link.locale(), link.expiresAt()));
    }

    private Optional<Shown> shown(PreviewLink link) {
        return store.variant(link.articleId(), link.locale())
                .flatMap(variant -> store.revision(variant, link.revision()))
                .map(revision -> new Shown(link, revision));
    }

    private static Optional<String> token(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() < 2 ? Optional.empty() : Optional.of(path.substring(1));
    }
}
