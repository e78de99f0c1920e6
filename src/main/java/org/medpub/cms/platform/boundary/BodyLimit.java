package org.medpub.cms.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives one API method a body limit of its own instead of {@code cms.api.max-body-bytes}: the
 * MicroProfile Config key that holds it, in bytes. {@link RequestSizeLimit} enforces it the same
 * way, at once for a declared length and while reading for a chunked body.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    /** The config key of the limit; it needs a default in {@code microprofile-config.properties}. */
    String value();
}
