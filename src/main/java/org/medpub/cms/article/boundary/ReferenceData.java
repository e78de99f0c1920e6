package org.medpub.cms.article.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.medpub.cms.article.entity.ArticleFields;
import org.medpub.cms.article.entity.Reference;

/** A cited source as the API reads and writes it; the messages are worded in {@code ValidationMessages*.properties}. */
public record ReferenceData(
        @NotBlank @Size(max = ArticleFields.CITATION_MAX) String text,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "{org.medpub.cms.url.Pattern.message}") String url,
        @Size(max = 200) @Pattern(regexp = "10\\.\\d{4,9}/\\S+", message = "{org.medpub.cms.doi.Pattern.message}") String doi,
        @Pattern(regexp = "\\d{1,9}", message = "{org.medpub.cms.pmid.Pattern.message}") String pmid) {

    static ReferenceData of(Reference reference) {
        return new ReferenceData(reference.getText(), reference.getUrl(), reference.getDoi(), reference.getPmid());
    }

    Reference toReference() {
        return new Reference(text.strip(), blankToNull(url), blankToNull(doi), blankToNull(pmid));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
