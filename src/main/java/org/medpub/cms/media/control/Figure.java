package org.medpub.cms.media.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.medpub.cms.media.entity.MediaText;
import org.medpub.cms.media.entity.MediaVersion;
import org.medpub.cms.media.entity.Rendition;

/**
 * The {@code <figure>} of an image on a page: every rendition in {@code srcset} so the browser
 * picks the width it needs, the width and height of the largest so the page does not jump while it
 * loads, lazy loading, and the alt text, caption and credit of the page's locale.
 */
public final class Figure {

    /** The column width of the reader page: wider screens get the image at this width. */
    static final String SIZES = "(max-width: 48rem) 100vw, 48rem";

    private Figure() {
    }

    /** Where readers get renditions (only of what is published, or through a preview link). */
    static final String READERS = "/media/";
    /** Where the signed-in editorial team gets renditions, those of drafts too. */
    static final String EDITORS = "/admin/media/";

    /** The reader address of a rendition: {@code /media/{id}/{version}/{width}.{ext}}. */
    public static String path(Rendition rendition) {
        return path(READERS, rendition);
    }

    /** The editorial UI's address of a rendition: {@code /admin/media/{id}/{version}/{width}.{ext}}. */
    public static String editorialPath(Rendition rendition) {
        return path(EDITORS, rendition);
    }

    private static String path(String root, Rendition rendition) {
        MediaVersion version = rendition.getVersion();
        return root + version.getItem().getId() + "/" + version.getNumber() + "/" + rendition.getWidth() + "." + rendition.getExt();
    }

    static String html(MediaVersion version, MediaText text, String previewToken) {
        return html(version, text, previewToken, READERS);
    }

    /** The figure as the editorial UI shows it (the live preview), its renditions from the editorial address. */
    static String editorialHtml(MediaVersion version, MediaText text) {
        return html(version, text, null, EDITORS);
    }

    private static String html(MediaVersion version, MediaText text, String previewToken, String root) {
        List<Rendition> renditions = version.getRenditions();
        if (renditions.isEmpty()) {
            return "";
        }
        String query = previewToken == null ? "" : "?preview=" + URLEncoder.encode(previewToken, StandardCharsets.UTF_8);
        Rendition largest = renditions.get(renditions.size() - 1);
        Rendition fallback = renditions.stream().filter(r -> r.getWidth() >= 1024).findFirst().orElse(largest);
        String srcset = renditions.stream().map(r -> path(root, r) + query + " " + r.getWidth() + "w").collect(Collectors.joining(", "));
        StringBuilder html = new StringBuilder(512);
        html.append("<figure class=\"media\"><img src=\"").append(escape(path(root, fallback) + query))
                .append("\" srcset=\"").append(escape(srcset))
                .append("\" sizes=\"").append(SIZES)
                .append("\" width=\"").append(largest.getWidth())
                .append("\" height=\"").append(largest.getHeight())
                .append("\" loading=\"lazy\" decoding=\"async\" alt=\"")
                .append(escape(text == null || text.getAlt() == null ? "" : text.getAlt())).append("\">");
        String caption = text == null ? null : text.getCaption();
        String credit = text == null ? null : text.getCredit();
        if (caption != null || credit != null) {
            html.append("<figcaption>");
            if (caption != null) {
                html.append(escape(caption));
            }
            if (credit != null) {
                html.append(caption == null ? "" : " ").append("<small class=\"credit\">").append(escape(credit)).append("</small>");
            }
            html.append("</figcaption>");
        }
        return html.append("</figure>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
