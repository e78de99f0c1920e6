package org.medpub.cms.article.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.medpub.cms.article.entity.ArticleFields;
import org.medpub.cms.article.entity.Reference;

/** A cited source as the API reads and writes it. */
public record ReferenceData(
        @NotBlank @Size(max = ArticleFields.CITATION_MAX) String text,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url,
        @Size(max = 200) @Pattern(regexp = "10\\.\\d{4,9}/\\S+", message = "must be a DOI such as 10.1000/xyz123") String doi,
        @Pattern(regexp = "\\d{1,9}", message = "must be a PubMed id (digits)") String pmid) {

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
