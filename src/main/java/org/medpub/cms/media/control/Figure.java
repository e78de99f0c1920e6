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

    /** The reader address of a rendition: {@code /media/{id}/{version}/{width}.{ext}}. */
    public static String path(Rendition rendition) {
        MediaVersion version = rendition.getVersion();
        return "/media/" + version.getItem().getId() + "/" + version.getNumber() + "/" + rendition.getWidth() + "." + rendition.getExt();
    }

    static String html(MediaVersion version, MediaText text, String previewToken) {
        List<Rendition> renditions = version.getRenditions();
        if (renditions.isEmpty()) {
            return "";
        }
        String query = previewToken == null ? "" : "?preview=" + URLEncoder.encode(previewToken, StandardCharsets.UTF_8);
        Rendition largest = renditions.get(renditions.size() - 1);
        Rendition fallback = renditions.stream().filter(r -> r.getWidth() >= 1024).findFirst().orElse(largest);
        String srcset = renditions.stream().map(r -> path(r) + query + " " + r.getWidth() + "w").collect(Collectors.joining(", "));
        StringBuilder html = new StringBuilder(512);
        html.append("<figure class=\"media\"><img src=\"").append(escape(path(fallback) + query))
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
