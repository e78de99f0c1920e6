package org.medpub.cms.article.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A source the article cites: the citation text and, where known, a URL, DOI or PubMed id. */
@Embeddable
public class Reference {

    @Column(name = "citation")
    private String text;
    private String url;
    private String doi;
    private String pmid;

    protected Reference() {
    }

    public Reference(String text, String url, String doi, String pmid) {
        this.text = text;
        this.url = url;
        this.doi = doi;
        this.pmid = pmid;
    }

    public String getText() {
        return text;
    }

    public String getUrl() {
        return url;
    }

    public String getDoi() {
        return doi;
    }

    public String getPmid() {
        return pmid;
    }

    /** One line naming the citation and its identifiers, for comparing two revisions. */
    public String asLine() {
        StringBuilder line = new StringBuilder(text);
        if (url != null) {
            line.append(' ').append(url);
        }
        if (doi != null) {
            line.append(" doi:").append(doi);
        }
        if (pmid != null) {
            line.append(" PMID:").append(pmid);
        }
        return line.toString();
    }
}
