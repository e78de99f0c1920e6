package org.medpub.cms.article.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.platform.control.Messages;
import org.medpub.cms.platform.control.WritingDirection;
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
 * The one kind of image an article shows is one of the media library ({@link ArticleImages}):
 * its Markdown image becomes a marker that no author can type (it holds a random number of this
 * run), and after sanitizing, each marker is replaced by the library's {@code <figure>} in the
 * page's locale. The marked HTML is what is kept per revision, so a changed alt text shows at once.
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
    private static final String MARKER = "mediafigure" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private static final Pattern MARKED = Pattern.compile("(<p>)?" + MARKER + "n(\\d+)v(\\d+)e(</p>)?");
    /** Where a line embeds a statement: a marker no author can type, holding the slug in hex, replaced after sanitizing. */
    private static final String STATEMENT_MARKER = "reviewedstatement" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private static final Pattern STATEMENT_MARKED = Pattern.compile("(?:<p>)?" + STATEMENT_MARKER + "([0-9a-f]+)e(?:</p>\\n?)?");
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .nodeRendererFactory(context -> new MediaMarkers(context.getWriter()::raw))
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

    @Inject
    Instance<ArticleImages> images;

    @Inject
    Instance<Statements> statements;

    /** Markdown as safe HTML, for text not saved yet (the live preview), with its images in the locale. */
    public String render(String markdown, String locale) {
        return statements(figures(marked(markdown), locale, null), locale, null);
    }

    /**
     * Markdown as safe HTML for the editorial UI's live preview, with its images in the locale from
     * the address only the signed-in team reaches, so that the images of drafts show too.
     */
    public String renderForEditors(String markdown, String locale) {
        return statements(figuresBy(marked(markdown), locale, (library, reference) -> library.editorialFigure(reference, locale)),
                locale, null);
    }

    /** Markdown as safe HTML without images, for where no locale is known. */
    public String render(String markdown) {
        return statements(figures(marked(markdown), null, null), null, null);
    }

    /** The body of a revision as safe HTML, as readers see it. */
    public String render(Revision revision) {
        return render(revision, null);
    }

    /**
     * The body of a revision as safe HTML.
     *
     * @param previewToken the preview link the page is shown through, which its images need; null for readers
     */
    public String render(Revision revision, String previewToken) {
        String locale = revision.getVariant() == null ? null : revision.getVariant().getLocale();
        if (revision.getId() == null) {
            return statements(figures(marked(revision.getBody()), locale, previewToken), locale, previewToken);
        }
        return statements(figures(markedOf(revision), locale, previewToken), locale, previewToken);
    }

    /**
     * Whether a summary only repeats the opening of the body: it is the text of the body's first
     * paragraph, or a cut copy of it ending in "…" (as the import once made them). A page shows such
     * a summary once, as the body, and not twice.
     */
    public static boolean repeatsOpening(String summary, String markdown) {
        String said = PastedText.collapse(summary == null ? "" : summary);
        if (said.isEmpty()) {
            return false;
        }
        for (Node block = PARSER.parse(markdown == null ? "" : markdown).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Paragraph paragraph) {
                String opening = PlainWords.of(paragraph);
                if (!opening.isEmpty()) {
                    String stem = said.endsWith("…") ? said.substring(0, said.length() - 1).strip() : null;
                    return opening.equals(said) || stem != null && !stem.isEmpty() && opening.startsWith(stem);
                }
            }
        }
        return false;
    }

    /** The destinations of the Markdown's images, in order. */
    public static List<String> imageDestinations(String markdown) {
        List<String> destinations = new ArrayList<>();
        PARSER.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                destinations.add(image.getDestination());
            }
        });
        return destinations;
    }

    private static String marked(String markdown) {
        String text = Statements.EMBEDDED.matcher(markdown == null ? "" : markdown).replaceAll(line -> "\n" + STATEMENT_MARKER
                + HexFormat.of().formatHex(line.group(1).getBytes(StandardCharsets.UTF_8)) + "e\n");
        return POLICY.sanitize(RENDERER.render(PARSER.parse(text)));
    }

    /** Markdown as safe HTML, a statement's wording: a {@code {{statement:…}}} line in it is only text. */
    private static String markedPlain(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }

    /**
     * Each embedded statement as readers of the page's locale see it ({@link Statements#wording}): an
     * {@code <aside class="reviewed-statement">} with its label and review date in the page's language
     * and its wording in its own; a statement unknown or not published is left out, never a draft.
     */
    private String statements(String marked, String locale, String previewToken) {
        if (!marked.contains(STATEMENT_MARKER)) {
            return marked;
        }
        Statements library = statements != null && statements.isResolvable() && locale != null ? statements.get() : null;
        Matcher m = STATEMENT_MARKED.matcher(marked);
        StringBuilder html = new StringBuilder(marked.length() + 1024);
        while (m.find()) {
            String slug = new String(HexFormat.of().parseHex(m.group(1)), StandardCharsets.UTF_8);
            String aside = library == null ? "" : library.wording(slug, locale)
                    .map(wording -> aside(wording, locale, previewToken) + "\n").orElse("");
            m.appendReplacement(html, Matcher.quoteReplacement(aside));
        }
        m.appendTail(html);
        return html.toString();
    }

    private String aside(Statements.Wording wording, String locale, String previewToken) {
        String label = Messages.in(Locale.forLanguageTag(locale)).format("statement.label",
                Map.of("date", Date.from(wording.reviewedAt())));
        return "<aside class=\"reviewed-statement\" data-statement=\"" + escape(wording.slug()) + "\">"
                + "<p class=\"reviewed-statement-label\">" + escape(label) + "</p>"
                + "<div class=\"reviewed-statement-text\" lang=\"" + escape(wording.locale()) + "\" dir=\""
                + WritingDirection.of(wording.locale()) + "\">"
                + figures(markedPlain(wording.live().getBody()), wording.locale(), previewToken).strip() + "</div></aside>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * The page's references: the revision's own, then those of the statements it embeds as readers
     * of its locale see them, each citation once.
     */
    public List<Citation> citationsWithStatements(Revision revision) {
        String locale = revision.getVariant() == null ? null : revision.getVariant().getLocale();
        List<Reference> references = new ArrayList<>(revision.getReferences());
        if (locale != null && statements != null && statements.isResolvable() && revision.getBody() != null
                && Statements.EMBEDDED.matcher(revision.getBody()).find()) {
            statements.get().wordings(revision.getBody(), locale).forEach(w -> references.addAll(w.live().getReferences()));
        }
        return citations(references).stream().distinct().toList();
    }

    private String figures(String marked, String locale, String previewToken) {
        return figuresBy(marked, locale, (library, reference) -> library.figure(reference, locale, previewToken));
    }

    private String figuresBy(String marked, String locale, BiFunction<ArticleImages, ArticleImages.Reference, String> figureOf) {
        if (!marked.contains(MARKER)) {
            return marked;
        }
        ArticleImages library = images != null && images.isResolvable() && locale != null ? images.get() : null;
        Matcher m = MARKED.matcher(marked);
        StringBuilder html = new StringBuilder(marked.length() + 512);
        while (m.find()) {
            String figure = library == null ? "" : figureOf.apply(library, new ArticleImages.Reference(Long.parseLong(m.group(2)),
                    m.group(3).equals("0") ? null : Integer.valueOf(m.group(3))));
            // a figure is a block: the paragraph around an image that stands alone goes; one inside text closes and reopens it
            String replacement = m.group(1) != null && m.group(4) != null ? figure
                    : (m.group(1) == null ? "" : "<p>") + (figure.isEmpty() ? "" : "</p>" + figure + "<p>") + (m.group(4) == null ? "" : "</p>");
            m.appendReplacement(html, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(html);
        return html.toString().replace("<p></p>", "");
    }

    /** Media images as markers; every other image as nothing, as the sanitizer would leave it. */
    private static final class MediaMarkers implements NodeRenderer {
        private final java.util.function.Consumer<String> out;

        MediaMarkers(java.util.function.Consumer<String> out) {
            this.out = out;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            ArticleImages.Reference.of(((Image) node).getDestination()).ifPresent(reference -> out.accept(
                    MARKER + "n" + reference.item() + "v" + (reference.version() == null ? 0 : reference.version()) + "e"));
        }
    }

    private String markedOf(Revision revision) {
        String html = byRevision.get(revision.getId());
        if (html == null) {
            html = marked(revision.getBody());
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

    public static Citation citation(Reference reference) {
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
