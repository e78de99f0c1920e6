package org.medpub.cms.workflow.boundary;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.platform.control.Messages;

/**
 * A revision as one self-contained HTML5 page under a "not published" banner. Nothing an author
 * wrote reaches the page as markup: the Markdown renderer escapes raw HTML and drops unsafe link
 * targets, every other text is escaped here, and references link only to http and https.
 * The page's words come from the {@code i18n/messages} bundles in the revision's language; the
 * expiry is shown in UTC.
 */
final class PreviewHtml {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur");
    private static final String STYLE = """
            body{margin:0;font:1.05rem/1.6 system-ui,sans-serif;color:#1a1a1a;background:#fff}
            .preview-banner{position:sticky;top:0;padding:.75rem 1rem;background:#fff3bf;border-block-end:3px solid #e0a800}
            .preview-banner strong{display:block;font-size:1.15rem}
            main{max-width:42rem;margin:0 auto;padding:1rem}
            .summary{font-size:1.15rem;color:#333}
            img{max-width:100%}
            .references{font-size:.95rem}
            """;

    private PreviewHtml() {
    }

    static String page(RevisionContent revision, String locale, Instant expiresAt) {
        Locale language = Locale.forLanguageTag(locale);
        Messages words = Messages.in(language);
        String notPublished = words.text("preview.banner.notPublished");
        String expires = words.format("preview.banner.expires", Map.of("expiresAt", expiresAt.atZone(ZoneOffset.UTC)));
        String direction = RIGHT_TO_LEFT.contains(language.getLanguage()) ? "rtl" : "ltr";

        StringBuilder page = new StringBuilder(4096 + revision.body().length() * 2);
        page.append("<!DOCTYPE html>\n<html lang=\"").append(escape(locale)).append("\" dir=\"").append(direction).append("\">\n")
                .append("<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(escape(revision.title())).append(" (").append(escape(notPublished)).append(")</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<div class=\"preview-banner\" role=\"note\"><strong>").append(escape(notPublished))
                .append("</strong> ").append(escape(expires)).append("</div>\n")
                .append("<main>\n<article>\n<h1>").append(escape(revision.title())).append("</h1>\n");
        if (revision.summary() != null && !revision.summary().isBlank()) {
            page.append("<p class=\"summary\">").append(escape(revision.summary())).append("</p>\n");
        }
        page.append(HTML.render(MARKDOWN.parse(revision.body())));
        if (!revision.references().isEmpty()) {
            page.append("<section class=\"references\">\n<h2>").append(escape(words.text("article.references")))
                    .append("</h2>\n<ol>\n");
            revision.references().forEach(reference -> page.append("<li>").append(reference(reference)).append("</li>\n"));
            page.append("</ol>\n</section>\n");
        }
        return page.append("</article>\n</main>\n</body>\n</html>\n").toString();
    }

    private static String reference(Reference reference) {
        StringBuilder item = new StringBuilder(escape(reference.getText()));
        if (reference.getUrl() != null) {
            String url = escape(reference.getUrl());
            item.append(' ').append(isWebAddress(reference.getUrl()) ? "<a href=\"" + url + "\">" + url + "</a>" : url);
        }
        if (reference.getDoi() != null) {
            item.append(" doi:").append(escape(reference.getDoi()));
        }
        if (reference.getPmid() != null) {
            item.append(" PMID:").append(escape(reference.getPmid()));
        }
        return item.toString();
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Escapes text for an HTML element or a quoted attribute. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
