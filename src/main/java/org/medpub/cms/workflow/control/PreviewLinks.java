package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks the tokens of preview links. A token carries what it shows (article, locale,
 * revision) and when it expires, signed with HMAC-SHA256, so that no table of links is needed
 * and every instance that shares the key accepts it. Both parts are URL-safe Base64:
 * {@code payload.signature}.
 */
@ApplicationScoped
public class PreviewLinks {

    /** Where the reader site answers a link: this path and then the token. */
    public static final String PATH = "/preview/";

    /** How long a link works unless its maker asks for another time. */
    public static final Duration USUAL_VALIDITY = Duration.ofHours(48);

    /** Longer than any token this class makes: anything longer is refused before any work. */
    public static final int MAX_TOKEN_LENGTH = 200;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern PAYLOAD = Pattern.compile("(\\d{1,18}):([A-Za-z0-9-]{1,35}):(\\d{1,9}):(\\d{1,12})");

    private Clock clock;
    private SecretKeySpec key;

    /** For the CDI proxy only. */
    protected PreviewLinks() {
    }

    @Inject
    PreviewLinks(PreviewLinkKey key, Clock clock) {
        this(key.bytes(), clock);
    }

    /**
     * @param key at least {@value PreviewLinkKey#MIN_BYTES} random bytes
     */
    public PreviewLinks(byte[] key, Clock clock) {
        if (key.length < PreviewLinkKey.MIN_BYTES) {
            throw new IllegalArgumentException("A preview-link key needs at least " + PreviewLinkKey.MIN_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.clock = clock;
    }

    /** A link to one revision that works from now for the given time, to the whole second. */
    public PreviewLink link(long articleId, String locale, int revision, Duration validFor) {
        return new PreviewLink(articleId, locale, revision, clock.instant().plus(validFor).truncatedTo(ChronoUnit.SECONDS));
    }

    public String token(PreviewLink link) {
        String payload = ENCODER.encodeToString((link.articleId() + ":" + link.locale() + ":" + link.revision() + ":"
                + link.expiresAt().getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + signature(payload);
    }

    /**
     * What the token shows, if this application signed it and it has not expired. Anything else
     * (tampered, truncated, signed with another key, expired, not a token at all) is empty, and
     * the caller cannot tell which.
     */
    public Optional<PreviewLink> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        String payload = token.substring(0, dot);
        // compared as encoded text, so that a second spelling of the same bytes is refused too
        byte[] expected = signature(payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        var fields = PAYLOAD.matcher(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        if (!fields.matches()) {
            return Optional.empty();
        }
        var link = new PreviewLink(Long.parseLong(fields.group(1)), fields.group(2), Integer.parseInt(fields.group(3)),
                Instant.ofEpochSecond(Long.parseLong(fields.group(4))));
        return link.isValidAt(clock.instant()) ? Optional.of(link) : Optional.empty();
    }

    private String signature(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
