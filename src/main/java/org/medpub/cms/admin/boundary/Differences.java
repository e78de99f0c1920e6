package org.medpub.cms.admin.boundary;

import java.io.Serializable;
import java.util.List;
import org.medpub.cms.article.control.RevisionDiff;
import org.medpub.cms.article.entity.RevisionContent;

/**
 * {@link RevisionDiff}'s word-level comparison, shaped for a page: each field with the label key
 * of its editor field, each piece with the operation that styles it (EQUAL, INSERT, DELETE).
 */
public final class Differences {

    public record Piece(String op, String text) implements Serializable {
    }

    /** @param coarser null when compared word by word, else {@code lines} or {@code block} (see {@link RevisionDiff.Precision}) */
    public record Field(String labelKey, boolean changed, List<Piece> pieces, String coarser) implements Serializable {
    }

    /** Nothing written yet: what a first revision is compared against. */
    static final RevisionContent NOTHING = new RevisionContent("", "", "", "", List.of(), List.of(), null, false, null, false);

    private Differences() {
    }

    public static List<Field> of(List<RevisionDiff.FieldDiff> compared) {
        return compared.stream()
                .map(field -> new Field("editor." + field.field() + ".label", field.changed(),
                        field.segments().stream().map(s -> new Piece(s.op().name(), s.text())).toList(), field.coarser()))
                .toList();
    }
}
