package org.medpub.cms.admin.boundary;

import java.io.Serializable;
import org.medpub.cms.article.boundary.ReferenceData;
import org.medpub.cms.article.control.DraftText;
import org.medpub.cms.article.entity.Reference;

/** The rows of the editor's lists, which the form changes in place before a save. */
public final class ListRows {

    private ListRows() {
    }

    public static class Topic implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;

        Topic(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        boolean isBlank() {
            return name == null || name.isBlank();
        }
    }

    /** A reference; its DOI and PubMed id are kept as they came (the API edits them). */
    public static class Citation implements Serializable {
        private static final long serialVersionUID = 1L;
        private String text;
        private String url;
        private final String doi;
        private final String pmid;

        Citation(String text, String url, String doi, String pmid) {
            this.text = text;
            this.url = url;
            this.doi = doi;
            this.pmid = pmid;
        }

        static Citation of(Reference reference) {
            return new Citation(reference.getText(), reference.getUrl(), reference.getDoi(), reference.getPmid());
        }

        static Citation of(DraftText.Citation kept) {
            return new Citation(kept.text(), kept.url(), kept.doi(), kept.pmid());
        }

        DraftText.Citation draft() {
            return new DraftText.Citation(text, url, doi, pmid);
        }

        ReferenceData data() {
            return new ReferenceData(text, url == null || url.isBlank() ? null : url.strip(), doi, pmid);
        }

        boolean isBlank() {
            return (text == null || text.isBlank()) && (url == null || url.isBlank());
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }
    }
}
