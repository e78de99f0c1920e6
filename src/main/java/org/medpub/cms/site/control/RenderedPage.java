package org.medpub.cms.site.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;

/**
 * A reader page as it goes out: status, body, and what conditional requests compare against.
 * The entity tag is a digest of the bytes, so every instance of the application gives the same
 * page the same tag.
 *
 * @param location for a redirect, where to
 * @param lastModified when what the page shows last changed, or null
 * @param lastModifiedHeader {@code lastModified} as an HTTP date (RFC 9110), or null; made once
 *        here rather than on every request of a cached page
 * @param dependsOn what the page was made from ({@link PageDependency} keys): a cached page is
 *        dropped when a change names one of them
 * @param freshUntil when what the page shows changes by the passing of time alone (an article's
 *        review becomes overdue), or null: a cached page is not served from then on
 */
public record RenderedPage(int status, String contentType, byte[] body, String etag, Instant lastModified,
        String location, String contentLanguage, String lastModifiedHeader, Set<String> dependsOn, Instant freshUntil) {

    public RenderedPage {
        dependsOn = Set.copyOf(dependsOn);
    }

    public static RenderedPage of(int status, String contentType, String body, Instant lastModified, String language) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new RenderedPage(status, contentType, bytes, tagOf(bytes), lastModified, null, language,
                lastModified == null ? null : DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        lastModified.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)), Set.of(), null);
    }

    public static RenderedPage redirect(int status, String location) {
        return new RenderedPage(status, null, new byte[0], null, null, location, null, null, Set.of(), null);
    }

    /** This page, made from these {@link PageDependency} keys. */
    public RenderedPage dependingOn(String... keys) {
        return new RenderedPage(status, contentType, body, etag, lastModified, location, contentLanguage,
                lastModifiedHeader, Set.of(keys), freshUntil);
    }

    /** This page, to be rendered anew from this instant on (null: only a change makes it stale). */
    public RenderedPage freshUntil(Instant until) {
        return new RenderedPage(status, contentType, body, etag, lastModified, location, contentLanguage,
                lastModifiedHeader, dependsOn, until);
    }

    /** Whether the passing of time alone has made the page stale by this instant. */
    public boolean expiredAt(Instant now) {
        return freshUntil != null && !now.isBefore(freshUntil);
    }

    /** Pages and permanent redirects are kept; a 404 is not, so odd URLs do not fill the cache. */
    public boolean cacheable() {
        return status == 200 || status == 301;
    }

    private static String tagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
