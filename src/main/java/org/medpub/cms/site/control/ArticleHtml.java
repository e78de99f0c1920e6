package org.medpub.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.medpub.cms.article.entity.Revision;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Turns an article's Markdown into the HTML readers get: CommonMark renders it, and the OWASP
 * sanitizer keeps only text formatting, blocks, tables and http(s) links, so no raw HTML, script
 * or event handler an author pasted ever reaches a page.
 * <p>
 * A revision never changes, so the HTML of a revision's body is made once and kept (for at most
 * {@value #MOST_REVISIONS} revisions): after a publish empties the page cache, the pages of the
 * other articles are put together anew without parsing and sanitizing their bodies again.
 */
@ApplicationScoped
public class ArticleHtml {

    static final int MOST_REVISIONS = 2000;

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

    public String render(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** The body of a saved revision as HTML. */
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
}
