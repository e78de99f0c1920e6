package org.medpub.cms.article.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.Revision;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The one renderer of an article: what readers get, and so what the live preview, the review
 * screen and the signed preview link show. CommonMark (with GitHub's tables) renders the Markdown,
 * and the OWASP sanitizer keeps only text formatting, blocks, tables and http(s) and mail links,
 * so no raw HTML, script, image or event handler an author pasted ever reaches a page. References
 * are formatted here too, so that every page cites alike.
 * <p>
 * A revision never changes, so the HTML of a revision's body is made once and kept (for at most
 * {@value #MOST_REVISIONS} revisions): after a publish empties the page cache, the pages of the
 * other articles are put together anew without parsing and sanitizing their bodies again.
 */
@ApplicationScoped
public class ArticleHtml {

    static final int MOST_REVISIONS = 2000;

    /**
     * A reference as pages show it: the citation, and the one link to the source, preferring the
     * DOI, then PubMed, then the URL.
     *
     * @param href an http(s) address, or null when there is nothing to link to
     * @param label the visible text of the link, or null with {@code href}
     */
    public record Citation(String text, String href, String label) {
    }

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a", "pre", "code", "hr", "br")
                    .allowUrlProtocols("https", "http", "mailto")
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("noopener", "noreferrer")
                    .toFactory());

    private final Map<Long, String> byRevision = new ConcurrentHashMap<>();

    /** Markdown as safe HTML, for text not saved yet (the live preview). */
    public String render(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }

    /** The body of a revision as safe HTML. */
    public String render(Revision revision) {
        if (revision.getId() == null) {
            return render(revision.getBody());
        }
        String html = byRevision.get(revision.getId());
        if (html == null) {
            html = render(revision.getBody());
            if (byRevision.size() >= MOST_REVISIONS) {
                // a crude bound, like the page cache's
                byRevision.clear();
            }
            byRevision.put(revision.getId(), html);
        }
        return html;
    }

    public List<Citation> citations(List<Reference> references) {
        return references.stream().map(ArticleHtml::citation).toList();
    }

    static Citation citation(Reference reference) {
        if (reference.getDoi() != null) {
            return new Citation(reference.getText(), "https://doi.org/" + reference.getDoi(), "doi:" + reference.getDoi());
        }
        if (reference.getPmid() != null) {
            return new Citation(reference.getText(), "https://pubmed.ncbi.nlm.nih.gov/" + reference.getPmid() + "/",
                    "PMID " + reference.getPmid());
        }
        if (reference.getUrl() != null && isWebAddress(reference.getUrl())) {
            return new Citation(reference.getText(), reference.getUrl(), reference.getUrl());
        }
        // the API takes only http(s) addresses; anything else that came in another way is no link
        return new Citation(reference.getText(), null, null);
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
