package org.medpub.cms.article.boundary;

import java.text.Normalizer;
import java.util.List;
import org.medpub.cms.article.entity.RevisionContent;

/** Normalises what arrives over the API before it becomes a revision: NFC, trimmed, no nulls. */
public final class RevisionText {

    private RevisionText() {
    }

    public static RevisionContent content(String title, String slug, String summary, String body, List<String> topics,
            List<ReferenceData> references, String changeNote, boolean safetyRelevant, Integer sourceRevision,
            boolean tellReaders) {
        return new RevisionContent(
                nfc(title).strip(),
                slug,
                summary == null ? "" : nfc(summary).strip(),
                nfc(body).strip(),
                topics == null ? List.of() : topics.stream().map(t -> nfc(t).strip()).distinct().toList(),
                references == null ? List.of() : references.stream().map(ReferenceData::toReference).toList(),
                changeNote == null || changeNote.isBlank() ? null : nfc(changeNote).strip(),
                safetyRelevant,
                sourceRevision,
                tellReaders);
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
