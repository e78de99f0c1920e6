package org.medpub.cms.media.boundary;

import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/media/{id}/locales/{locale}}: an image's texts in one locale. */
public record MediaTexts(@Size(max = 1000) String alt, @Size(max = 2000) String caption, @Size(max = 500) String credit) {
}
