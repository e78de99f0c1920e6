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

    @Inject
    PreviewLinks links;

    @Inject
    ArticleStore store;

    private record Shown(PreviewLink link, Revision revision) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the address is a password for an unpublished text: keep it out of search engines (and,
        // by SecurityHeaders, out of caches and referrers)
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        Optional<Shown> shown = token(request).flatMap(links::verify).flatMap(this::shown);
        if (shown.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PreviewLink link = shown.get().link();
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
